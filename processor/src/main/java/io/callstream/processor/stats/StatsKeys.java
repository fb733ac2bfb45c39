package io.callstream.processor.stats;

import java.time.Instant;

/**
 * Keys of the statistics: in the quarters store {@code {site}/{dimension}/{quarter start, epoch
 * millis, 13 digits}}, so that a window's quarters are one range; on the topic
 * {@code {site}/{dimension}/{interval}/{window start, ISO-8601}}, one key per window.
 */
public final class StatsKeys {

    static final int MILLIS_DIGITS = 13;

    private StatsKeys() {
    }

    public static String quarter(String site, String dimension, long quarterStart) {
        return site + "/" + dimension + "/" + padded(Long.toString(quarterStart));
    }

    /** Zero-padded to 13 digits, so that keys sort by the number (by hand: String.format was a tenth of the statistics' time). */
    static String padded(String number) {
        return "0".repeat(Math.max(0, MILLIS_DIGITS - number.length())) + number;
    }

    public static long quarterStart(String quarterKey) {
        return Long.parseLong(quarterKey.substring(quarterKey.length() - MILLIS_DIGITS));
    }

    public static String topicKey(String site, String dimension, StatsInterval interval, long windowStart) {
        return site + "/" + dimension + "/" + interval.label() + "/" + Instant.ofEpochMilli(windowStart);
    }
}
