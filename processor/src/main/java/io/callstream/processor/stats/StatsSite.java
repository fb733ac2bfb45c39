package io.callstream.processor.stats;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.callstream.schema.SiteConfig;

/**
 * What a site's statistics depend on, all site settings: where its days begin, its service-level
 * threshold, and how short a missed call is to count as abandoned at once.
 */
public record StatsSite(ZoneId zone, int serviceLevelThresholdSeconds, int abandonedShortSeconds) {

    public static final int DEFAULT_THRESHOLD_SECONDS = 20;
    public static final int ABANDONED_SHORT_SECONDS = 5;

    /** A site the statistics have no settings for (not on the sites topic, or not yet). */
    public static final StatsSite DEFAULTS = new StatsSite(ZoneOffset.UTC, DEFAULT_THRESHOLD_SECONDS, ABANDONED_SHORT_SECONDS);

    public static StatsSite of(SiteConfig config) {
        if (config == null) {
            return DEFAULTS;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(config.getTimeZone());
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        return new StatsSite(zone, config.getServiceLevelThresholdSeconds(), config.getAbandonedShortSeconds());
    }
}
