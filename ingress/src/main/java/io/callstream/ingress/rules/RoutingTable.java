package io.callstream.ingress.rules;

import java.util.List;
import java.util.Optional;

/**
 * A site's outbound caller-id routing: ordered rows, the first whose destination pattern matches
 * the whole (normalised) number wins; no match falls back to the default caller id if it is not
 * empty, else no rewrite.
 */
public final class RoutingTable {

    /** One compiled routing row. */
    public record Route(DestinationPattern destination, String callerId) {
    }

    private final List<Route> routes;
    private final Optional<String> defaultCallerId;

    private RoutingTable(List<Route> routes, Optional<String> defaultCallerId) {
        this.routes = routes;
        this.defaultCallerId = defaultCallerId;
    }

    /**
     * @param routes          rows in priority order, destinations already normalised
     * @param defaultCallerId caller id for numbers no row matches; {@code null} or empty for none
     */
    public static RoutingTable of(List<Route> routes, String defaultCallerId) {
        return new RoutingTable(List.copyOf(routes),
                Optional.ofNullable(defaultCallerId).filter(callerId -> !callerId.isEmpty()));
    }

    public static RoutingTable empty() {
        return of(List.of(), null);
    }

    /** @param destination a number already normalised with {@link PhoneNumbers} */
    public Optional<String> callerIdFor(String destination) {
        for (Route route : routes) {
            if (route.destination().matches(destination)) {
                return Optional.of(route.callerId());
            }
        }
        return defaultCallerId;
    }
}
