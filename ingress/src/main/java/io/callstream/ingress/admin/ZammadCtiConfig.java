package io.callstream.ingress.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Zammad's {@code cti_config} setting, the rules of its generic CTI integration, in Zammad's own
 * shape: {@code {"inbound":{"block_caller_ids":[...]},"outbound":{"routing_table":[...],"default_caller_id":...}}}.
 * {@code notify_map} (which agents Zammad notifies) is read only to say that it is not imported.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ZammadCtiConfig(Inbound inbound, Outbound outbound,
        @JsonInclude(JsonInclude.Include.NON_NULL) Object notifyMap) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Inbound(List<BlockedCaller> blockCallerIds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BlockedCaller(String callerId, String note) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Outbound(List<Route> routingTable, String defaultCallerId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Route(String dest, String callerId, String note) {
    }

    List<BlockedCaller> blockedCallers() {
        return inbound == null || inbound.blockCallerIds() == null ? List.of() : inbound.blockCallerIds();
    }

    List<Route> routes() {
        return outbound == null || outbound.routingTable() == null ? List.of() : outbound.routingTable();
    }

    String defaultCallerId() {
        return outbound == null ? null : outbound.defaultCallerId();
    }
}
