package io.callstream.ingress.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.callstream.schema.BlockEntry;
import io.callstream.schema.PhoneNumbers;
import io.callstream.schema.RoutingRow;
import io.callstream.schema.SiteConfig;
import io.callstream.sites.store.SiteStore;
import io.callstream.sites.store.SiteWriter;
import io.callstream.web.api.Violation;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A site's rules to and from Zammad's {@code cti_config}: an import replaces the block list, the
 * routing table and the default caller id in one change, keeping every entry callstream can apply
 * the same way and naming each one it cannot, with the reason; an export gives the rules back in
 * Zammad's shape. Blocking (it waits for Kafka); call it off the event loop.
 */
public final class ZammadSettings {

    private final SiteStore store;
    private final SiteWriter writer;

    public ZammadSettings(SiteStore store, SiteWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** What an import did: how many rules the site has now, and each entry left out with the reason. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Imported(int blockList, int routing, String defaultCallerId, List<Violation> notImported) {
    }

    public Imported importInto(String siteId, ZammadCtiConfig config) {
        List<Violation> left = new ArrayList<>();
        if (config.notifyMap() != null) {
            left.add(new Violation("notify_map", "not a PBX rule: callstream answers every PBX the same way and "
                    + "has no agent notifications (Zammad keeps its own when forwarding is on)"));
        }
        String defaultCallerId = defaultCallerId(config.defaultCallerId(), left);
        Imported[] result = new Imported[1];
        writer.write(siteId, current -> {
            SiteConfig site = SiteAdministration.existing(current, siteId);
            List<Violation> notImported = new ArrayList<>(left);
            List<BlockEntry> blockList = blockList(config.blockedCallers(), site.getCountryCode(), notImported);
            List<RoutingRow> routing = routing(config.routes(), site.getCountryCode(), notImported);
            result[0] = new Imported(blockList.size(), routing.size(), defaultCallerId, List.copyOf(notImported));
            return Optional.of(SiteConfig.newBuilder(site).setBlockList(blockList).setRouting(routing)
                    .setDefaultCallerId(defaultCallerId));
        });
        return result[0];
    }

    public ZammadCtiConfig export(String siteId) {
        SiteConfig site = SiteAdministration.existing(store.site(siteId), siteId);
        return new ZammadCtiConfig(
                new ZammadCtiConfig.Inbound(site.getBlockList().stream()
                        .map(entry -> new ZammadCtiConfig.BlockedCaller(entry.getCallerId(), entry.getNote())).toList()),
                new ZammadCtiConfig.Outbound(site.getRouting().stream()
                        .map(row -> new ZammadCtiConfig.Route(row.getDest(), row.getCallerId(), row.getNote())).toList(),
                        site.getDefaultCallerId()),
                null);
    }

    private static List<BlockEntry> blockList(List<ZammadCtiConfig.BlockedCaller> callers, String countryCode,
            List<Violation> notImported) {
        List<BlockEntry> kept = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < callers.size(); i++) {
            ZammadCtiConfig.BlockedCaller caller = callers.get(i);
            String field = "inbound.block_caller_ids[" + i + "]";
            if (caller == null) {
                notImported.add(new Violation(field, "is empty"));
                continue;
            }
            RuleValidation validation = new RuleValidation();
            validation.blockEntry(field, caller.callerId(), caller.note());
            if (refused(validation, notImported) || repeated(field, caller.callerId(), countryCode, seen, notImported)
                    || over(field, kept.size(), RuleValidation.MAX_BLOCK_LIST_SIZE, notImported)) {
                continue;
            }
            kept.add(new BlockEntry(caller.callerId(), caller.note()));
        }
        return kept;
    }

    private static List<RoutingRow> routing(List<ZammadCtiConfig.Route> routes, String countryCode,
            List<Violation> notImported) {
        List<RoutingRow> kept = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            ZammadCtiConfig.Route route = routes.get(i);
            String field = "outbound.routing_table[" + i + "]";
            if (route == null) {
                notImported.add(new Violation(field, "is empty"));
                continue;
            }
            if (route.dest() != null && ZammadPatterns.isRegularExpression(route.dest())) {
                notImported.add(new Violation(field + ".dest", "'" + route.dest() + "' works only as a regular "
                        + "expression in Zammad; callstream's destinations are digits with '*' for one or more "
                        + "characters: split it into such rows"));
                continue;
            }
            RuleValidation validation = new RuleValidation();
            validation.route(field, route.dest(), route.callerId(), route.note());
            if (refused(validation, notImported) || repeated(field, route.dest(), countryCode, seen, notImported)
                    || over(field, kept.size(), RuleValidation.MAX_ROUTING_SIZE, notImported)) {
                continue;
            }
            kept.add(new RoutingRow(route.dest(), route.callerId(), route.note()));
        }
        return kept;
    }

    private static String defaultCallerId(String callerId, List<Violation> notImported) {
        if (callerId == null || callerId.isEmpty()) {
            return null;
        }
        RuleValidation validation = new RuleValidation();
        validation.optionalCallerId("outbound.default_caller_id", callerId);
        return refused(validation, notImported) ? null : callerId;
    }

    private static boolean refused(RuleValidation validation, List<Violation> notImported) {
        notImported.addAll(validation.violations());
        return !validation.violations().isEmpty();
    }

    /** Zammad would apply the first of two entries that mean the same number; so does the import. */
    private static boolean repeated(String field, String number, String countryCode, Map<String, String> seen,
            List<Violation> notImported) {
        String first = seen.putIfAbsent(PhoneNumbers.normalize(number, countryCode), field);
        if (first != null) {
            notImported.add(new Violation(field, "repeats " + first + " (the same number once normalised)"));
        }
        return first != null;
    }

    private static boolean over(String field, int kept, int max, List<Violation> notImported) {
        if (kept >= max) {
            notImported.add(new Violation(field, "over the limit of " + max + " entries"));
        }
        return kept >= max;
    }
}
