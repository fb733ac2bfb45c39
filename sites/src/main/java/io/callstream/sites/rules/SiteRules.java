package io.callstream.sites.rules;

import io.callstream.schema.CallEventType;
import io.callstream.schema.Direction;
import io.callstream.schema.PhoneNumbers;

/**
 * One site's rules compiled for the hot path: the block list applies to inbound {@code newCall}s
 * only, the routing table to outbound {@code newCall}s with a non-empty destination only; every
 * other event gets no action.
 */
public final class SiteRules {

    private final String countryCode;
    private final BlockList blockList;
    private final RoutingTable routing;

    private SiteRules(String countryCode, BlockList blockList, RoutingTable routing) {
        this.countryCode = countryCode;
        this.blockList = blockList;
        this.routing = routing;
    }

    public static SiteRules compile(RuleSet rules) {
        String countryCode = rules.countryCode();
        var routes = rules.routes().stream()
                .map(rule -> new RoutingTable.Route(
                        DestinationPattern.compile(PhoneNumbers.normalize(rule.destination(), countryCode)),
                        rule.callerId()))
                .toList();
        return new SiteRules(countryCode,
                BlockList.of(rules.blockedCallers(), countryCode),
                RoutingTable.of(routes, rules.defaultCallerId()));
    }

    /** A number as this site's rules see it: normalised with the site's country code. */
    public String normalize(String number) {
        return PhoneNumbers.normalize(number, countryCode);
    }

    /**
     * What the PBX is told for an event of this site.
     *
     * @param from as the PBX sent it ({@code null} when absent)
     * @param to   as the PBX sent it ({@code null} when absent); a {@link Decision.Dial} echoes it
     */
    public Decision decide(CallEventType event, Direction direction, String from, String to) {
        if (event != CallEventType.NEW_CALL) {
            return Decision.NO_ACTION;
        }
        if (direction == Direction.IN) {
            return decideInbound(from);
        }
        return decideOutbound(to);
    }

    private Decision decideInbound(String from) {
        String caller = PhoneNumbers.normalize(from, countryCode);
        return caller != null && blockList.blocks(caller) ? Decision.REJECT : Decision.NO_ACTION;
    }

    private Decision decideOutbound(String to) {
        String destination = PhoneNumbers.normalize(to, countryCode);
        if (destination == null || destination.isEmpty()) {
            return Decision.NO_ACTION;
        }
        return routing.callerIdFor(destination)
                .<Decision>map(callerId -> new Decision.Dial(callerId, to))
                .orElse(Decision.NO_ACTION);
    }
}
