package io.callstream.sites.rules;

import java.util.List;

/**
 * A site's rules as an operator writes them (docs/pbx-contract.md, Rules).
 *
 * @param countryCode     country code for national numbers ({@code 49}), or {@code null}
 * @param blockedCallers  inbound block list; an entry may end in {@code *}
 * @param routes          outbound routing rows in priority order
 * @param defaultCallerId caller id for outbound numbers no row matches; empty or {@code null} for none
 */
public record RuleSet(String countryCode, List<String> blockedCallers, List<RoutingRule> routes, String defaultCallerId) {

    /** An outbound routing row: calls to {@code destination} go out as {@code callerId}. */
    public record RoutingRule(String destination, String callerId) {
    }

    public RuleSet {
        blockedCallers = List.copyOf(blockedCallers);
        routes = List.copyOf(routes);
    }

    public static RuleSet none() {
        return new RuleSet(null, List.of(), List.of(), null);
    }
}
