package io.callstream.ingress.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.callstream.sites.TokenDigest;
import io.callstream.sites.store.SiteConfigs;
import io.callstream.schema.BlockEntry;
import io.callstream.schema.RoutingRow;
import io.callstream.schema.SiteConfig;

/**
 * The sites of {@code callstream.ingress.sites}, as the site store seeds them. A configuration the
 * edge could not serve as written stops the start: a site without an id or token, a site configured
 * twice, two sites sharing a token (the message does not name it), an invalid id or rule.
 */
final class SiteSeeds {

    private SiteSeeds() {
    }

    static List<SiteConfig> of(List<IngressProperties.SiteProperties> sites, Clock clock) {
        List<SiteConfig> seeds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> siteByTokenDigest = new HashMap<>();
        for (IngressProperties.SiteProperties site : sites) {
            if (site.id() == null) {
                throw invalid("a site has no id");
            }
            if (site.token() == null || site.token().isBlank()) {
                throw invalid("site " + site.id() + " has no token");
            }
            if (!ids.add(site.id())) {
                throw invalid("site " + site.id() + " is configured twice");
            }
            if (!SiteConfigs.isTimeZone(site.timeZone())) {
                throw invalid("site " + site.id() + " has time-zone " + site.timeZone() + ", which is no IANA time zone");
            }
            if (!SiteConfigs.isServiceLevelThreshold(site.serviceLevelThresholdSeconds())) {
                throw invalid("site " + site.id() + " needs a service-level-threshold-seconds of 1 to "
                        + SiteConfigs.MAX_SERVICE_LEVEL_THRESHOLD_SECONDS);
            }
            if (!SiteConfigs.isAbandonedShort(site.abandonedShortSeconds())) {
                throw invalid("site " + site.id() + " needs an abandoned-short-seconds of 1 to "
                        + SiteConfigs.MAX_ABANDONED_SHORT_SECONDS);
            }
            SiteConfig seed = seed(site, clock);
            String sharing = siteByTokenDigest.putIfAbsent(seed.getTokenSha256(), site.id());
            if (sharing != null) {
                throw invalid("site " + site.id() + " shares its token with site " + sharing);
            }
            try {
                SiteConfigs.catalogEntry(seed);
            } catch (IllegalArgumentException unservable) {
                throw invalid("site " + site.id() + ": " + unservable.getMessage());
            }
            seeds.add(seed);
        }
        return seeds;
    }

    private static SiteConfig seed(IngressProperties.SiteProperties site, Clock clock) {
        IngressProperties.Rules rules = site.rules();
        return SiteConfig.newBuilder()
                .setSiteId(site.id())
                .setDisplayName(site.displayName() == null ? site.id() : site.displayName())
                .setEnabled(site.enabled())
                .setCountryCode(site.countryCode())
                .setTimeZone(site.timeZone())
                .setServiceLevelThresholdSeconds(site.serviceLevelThresholdSeconds())
                .setAbandonedShortSeconds(site.abandonedShortSeconds())
                .setTokenSha256(TokenDigest.of(site.token()))
                .setBlockList(rules.blockList().stream()
                        .map(entry -> new BlockEntry(entry.callerId(), entry.note())).toList())
                .setRouting(rules.routing().stream()
                        .map(route -> new RoutingRow(route.dest(), route.callerId(), route.note())).toList())
                .setDefaultCallerId(rules.defaultCallerId())
                .setUpdatedAt(clock.instant())
                .setChangeId(UUID.randomUUID().toString())
                .build();
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("callstream.ingress.sites: " + problem);
    }
}
