package io.callstream.processor.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The windows statistics are counted in. Quarter hours are aligned to the epoch: every time zone in
 * use today is a whole number of quarter hours away from UTC, so quarters tile every local hour and
 * day, and an hour's or a day's figures are those of its quarters.
 */
public enum StatsInterval {

    QUARTER("15m") {
        @Override
        public Window windowOf(long instant, ZoneId zone) {
            long start = Math.floorDiv(instant, QUARTER_MS) * QUARTER_MS;
            return new Window(start, start + QUARTER_MS);
        }
    },
    /** A local hour: 60 minutes from the hour's start in the site's time zone. */
    HOUR("1h") {
        @Override
        public Window windowOf(long instant, ZoneId zone) {
            Instant start = Instant.ofEpochMilli(instant).atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            return new Window(start.toEpochMilli(), start.plus(Duration.ofHours(1)).toEpochMilli());
        }
    },
    /** A local day, midnight to midnight: 23 or 25 hours on a daylight-saving change. */
    DAY("1d") {
        @Override
        public Window windowOf(long instant, ZoneId zone) {
            LocalDate day = Instant.ofEpochMilli(instant).atZone(zone).toLocalDate();
            ZonedDateTime start = day.atStartOfDay(zone);
            return new Window(start.toInstant().toEpochMilli(), day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
    };

    public static final long QUARTER_MS = Duration.ofMinutes(15).toMillis();

    private final String label;

    StatsInterval(String label) {
        this.label = label;
    }

    /** The window that holds {@code instant} (epoch milliseconds). */
    public abstract Window windowOf(long instant, ZoneId zone);

    /** How the API and the topic name it: {@code 15m}, {@code 1h}, {@code 1d}. */
    public String label() {
        return label;
    }

    public static Optional<StatsInterval> ofLabel(String label) {
        return Arrays.stream(values()).filter(interval -> interval.label.equals(label)).findFirst();
    }

    /** A window's bounds in epoch milliseconds, start inclusive, end exclusive. */
    public record Window(long start, long end) {
    }
}
