package io.callstream.ingress.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the edge is configured with ({@code callstream.ingress.*}, also as environment
 * variables such as {@code CALLSTREAM_INGRESS_PUBLISH_TIMEOUT}).
 *
 * @param publishTimeout how long a request may wait for Kafka's acknowledgement before it is
 *                       answered 503
 * @param maxBodySize    largest request body accepted (413 above)
 * @param accessLog      write an access log line per request (tokens masked)
 * @param eventsTopic    how the events topic is created if it does not exist
 * @param sites          the sites and their PBX tokens
 */
@ConfigurationProperties("callstream.ingress")
public record IngressProperties(
        @DefaultValue("2s") Duration publishTimeout,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("false") boolean accessLog,
        @DefaultValue EventsTopic eventsTopic,
        List<SiteProperties> sites) {

    public IngressProperties {
        if (publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("callstream.ingress.publish-timeout must be positive");
        }
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    /**
     * @param partitions        partitions of the events topic: the processor's unit of scale-out
     * @param replicationFactor replicas; empty for the broker's {@code default.replication.factor}
     */
    public record EventsTopic(@DefaultValue("6") int partitions, Short replicationFactor) {
    }

    /**
     * @param id          stable site id (letters, digits, {@code . _ -})
     * @param token       the secret in the PBX's URL
     * @param enabled     disabled sites get Zammad's "Feature is disabled" (422)
     * @param countryCode country code for national numbers in the site's rules, for example {@code 49}
     * @param rules       block list and outbound caller-id routing
     */
    public record SiteProperties(String id, String token, @DefaultValue("true") boolean enabled, String countryCode,
            @DefaultValue Rules rules) {
    }

    /**
     * @param blockList       inbound callers answered with reject/busy
     * @param routing         outbound caller-id rows, first match wins
     * @param defaultCallerId caller id for outbound calls no row matches
     */
    public record Rules(List<BlockEntry> blockList, List<Route> routing, String defaultCallerId) {

        public Rules {
            blockList = blockList == null ? List.of() : List.copyOf(blockList);
            routing = routing == null ? List.of() : List.copyOf(routing);
        }
    }

    public record BlockEntry(String callerId, String note) {
    }

    public record Route(String dest, String callerId, String note) {
    }
}
