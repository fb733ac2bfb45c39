package io.callstream.sites.store;

import java.time.ZoneId;

import io.callstream.sites.rules.RuleSet;
import io.callstream.sites.rules.SiteRules;
import io.callstream.sites.Site;
import io.callstream.sites.SiteCatalog;
import io.callstream.schema.BlockEntry;
import io.callstream.schema.SiteConfig;

/** Reads a site's stored configuration as the edge uses it. */
public final class SiteConfigs {

    /**
     * The schema's defaults of {@code timeZone}, {@code serviceLevelThresholdSeconds} and
     * {@code abandonedShortSeconds}, for settings an operator leaves out.
     */
    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final int DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS = 20;
    public static final int MAX_SERVICE_LEVEL_THRESHOLD_SECONDS = 3_600;
    public static final int DEFAULT_ABANDONED_SHORT_SECONDS = 5;
    public static final int MAX_ABANDONED_SHORT_SECONDS = 60;

    /** An IANA time zone id such as {@code Europe/Berlin} or {@code UTC}. */
    public static boolean isTimeZone(String id) {
        return id != null && ZoneId.getAvailableZoneIds().contains(id);
    }

    public static boolean isServiceLevelThreshold(int seconds) {
        return seconds >= 1 && seconds <= MAX_SERVICE_LEVEL_THRESHOLD_SECONDS;
    }

    public static boolean isAbandonedShort(int seconds) {
        return seconds >= 1 && seconds <= MAX_ABANDONED_SHORT_SECONDS;
    }

    private SiteConfigs() {
    }

    /** @throws IllegalArgumentException if the edge cannot serve the site: an invalid id or rule */
    public static SiteCatalog.Entry catalogEntry(SiteConfig config) {
        return new SiteCatalog.Entry(new Site(config.getSiteId(), config.getEnabled()), SiteRules.compile(ruleSet(config)));
    }

    static RuleSet ruleSet(SiteConfig config) {
        return new RuleSet(
                config.getCountryCode(),
                config.getBlockList().stream().map(BlockEntry::getCallerId).toList(),
                config.getRouting().stream()
                        .map(row -> new RuleSet.RoutingRule(row.getDest(), row.getCallerId()))
                        .toList(),
                config.getDefaultCallerId());
    }
}
