package io.callstream.processor.stats.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.callstream.processor.query.InvalidQueryException;
import io.callstream.processor.stats.StatsDimensions;
import io.callstream.processor.stats.StatsInterval;
import io.callstream.web.api.Violation;
import org.springframework.util.MultiValueMap;

/**
 * What {@code GET /api/v1/stats} asks for: a site, an interval, a time range, and optionally one
 * queue or one agent and one direction's figures. {@code from} and {@code to} are instants
 * ({@code 2026-12-01T08:00:00Z}) or local dates of the site ({@code 2026-12-01}: that day's start);
 * by default the site's today.
 */
public record StatsRequest(String site, StatsInterval interval, String from, String to, String queue, String agent,
        String direction) {

    /** At most this many windows per answer (a month of quarter hours). */
    public static final int MAX_WINDOWS = 31 * 96;

    public static StatsRequest from(MultiValueMap<String, String> parameters) {
        List<Violation> violations = new ArrayList<>();
        String site = parameters.getFirst("site");
        if (site == null || site.isBlank()) {
            violations.add(new Violation("site", "is required"));
        }
        String intervalText = Optional.ofNullable(parameters.getFirst("interval")).orElse(StatsInterval.HOUR.label());
        StatsInterval interval = StatsInterval.ofLabel(intervalText).orElse(null);
        if (interval == null) {
            violations.add(new Violation("interval", "must be 15m, 1h or 1d"));
        }
        String queue = parameters.getFirst("queue");
        String agent = parameters.getFirst("agent");
        if (queue != null && agent != null) {
            violations.add(new Violation("agent", "cannot be combined with queue"));
        }
        String direction = parameters.getFirst("direction");
        if (direction != null && !direction.equals("in") && !direction.equals("out")) {
            violations.add(new Violation("direction", "must be in or out"));
        }
        for (String bound : List.of("from", "to")) {
            String value = parameters.getFirst(bound);
            if (value != null && !isInstantOrDate(value)) {
                violations.add(new Violation(bound, "must be an instant (2026-12-01T08:00:00Z) or a date (2026-12-01)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidQueryException(violations);
        }
        return new StatsRequest(site, interval, parameters.getFirst("from"), parameters.getFirst("to"), queue, agent,
                direction);
    }

    /** The dimension's key part: the site, its queue or its agent. */
    public String dimension() {
        return queue != null ? StatsDimensions.queue(queue) : agent != null ? StatsDimensions.agent(agent) : StatsDimensions.SITE;
    }

    /** The windows asked for, in the site's time zone: from the one holding {@code from} up to {@code to}. */
    public List<StatsInterval.Window> windows(ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        long start = from == null ? today.atStartOfDay(zone).toInstant().toEpochMilli() : instant(from, zone);
        long end = to == null ? today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() : instant(to, zone);
        List<StatsInterval.Window> windows = new ArrayList<>();
        StatsInterval.Window window = interval.windowOf(start, zone);
        while (window.start() < end) {
            if (windows.size() == MAX_WINDOWS) {
                throw new InvalidQueryException(List.of(new Violation("to",
                        "asks for more than " + MAX_WINDOWS + " windows: choose a shorter range or a longer interval")));
            }
            windows.add(window);
            window = interval.windowOf(window.end(), zone);
        }
        return windows;
    }

    /** The same request as query parameters, for asking another instance. */
    public String toQuery() {
        StringBuilder query = new StringBuilder("site=" + encode(site) + "&interval=" + interval.label());
        Optional.ofNullable(from).ifPresent(value -> query.append("&from=").append(encode(value)));
        Optional.ofNullable(to).ifPresent(value -> query.append("&to=").append(encode(value)));
        Optional.ofNullable(queue).ifPresent(value -> query.append("&queue=").append(encode(value)));
        Optional.ofNullable(agent).ifPresent(value -> query.append("&agent=").append(encode(value)));
        Optional.ofNullable(direction).ifPresent(value -> query.append("&direction=").append(value));
        return query.toString();
    }

    private static boolean isInstantOrDate(String value) {
        try {
            instant(value, ZoneId.of("UTC"));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static long instant(String value, ZoneId zone) {
        return value.contains("T") ? Instant.parse(value).toEpochMilli()
                : LocalDate.parse(value).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
