package io.callstream.sites.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.callstream.schema.PhoneNumbers;

/**
 * A site's outbound caller-id routing: ordered rows, the first whose destination pattern matches
 * the whole (normalised) number wins; no match falls back to the default caller id if it is not
 * empty, else no rewrite.
 *
 * <p>Built for tables of thousands of rows: rows are indexed by the literal text before their first
 * wildcard, which every number they match starts with. A lookup probes the number's prefixes only
 * (one hash probe per prefix length in use) and tries candidate rows in table order, stopping at
 * the first match that no earlier row can beat.
 */
public final class RoutingTable {

    /** One compiled routing row. */
    public record Route(DestinationPattern destination, String callerId) {
    }

    private final List<Route> routes;
    /** Row numbers, ascending, by the leading literal of their pattern. */
    private final Map<String, int[]> rowsByLeadingLiteral;
    /** The lengths of the leading literals in use, ascending. */
    private final int[] leadingLiteralLengths;
    private final Optional<String> defaultCallerId;

    private RoutingTable(List<Route> routes, Optional<String> defaultCallerId) {
        this.routes = routes;
        this.defaultCallerId = defaultCallerId;
        Map<String, List<Integer>> rows = new HashMap<>();
        for (int row = 0; row < routes.size(); row++) {
            rows.computeIfAbsent(routes.get(row).destination().leadingLiteral(), key -> new ArrayList<>()).add(row);
        }
        Map<String, int[]> index = new HashMap<>();
        TreeMap<Integer, Boolean> lengths = new TreeMap<>();
        rows.forEach((literal, numbers) -> {
            index.put(literal, numbers.stream().mapToInt(Integer::intValue).toArray());
            lengths.put(literal.length(), true);
        });
        this.rowsByLeadingLiteral = Map.copyOf(index);
        this.leadingLiteralLengths = lengths.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param routes          rows in priority order, destinations already normalised
     * @param defaultCallerId caller id for numbers no row matches; {@code null} or empty for none
     */
    public static RoutingTable of(List<Route> routes, String defaultCallerId) {
        return new RoutingTable(List.copyOf(routes),
                Optional.ofNullable(defaultCallerId).filter(callerId -> !callerId.isEmpty()));
    }

    /** @param destination a number already normalised with {@link PhoneNumbers} */
    public Optional<String> callerIdFor(String destination) {
        int winner = Integer.MAX_VALUE;
        for (int length : leadingLiteralLengths) {
            if (length > destination.length()) {
                break;
            }
            int[] candidates = rowsByLeadingLiteral.get(destination.substring(0, length));
            if (candidates == null) {
                continue;
            }
            for (int row : candidates) {
                if (row >= winner) {
                    break;
                }
                if (routes.get(row).destination().matches(destination)) {
                    winner = row;
                    break;
                }
            }
        }
        return winner == Integer.MAX_VALUE ? defaultCallerId : Optional.of(routes.get(winner).callerId());
    }
}
