package io.callstream.ingress.sitestore;

import io.callstream.ingress.rules.RuleSet;
import io.callstream.ingress.rules.SiteRules;
import io.callstream.ingress.site.Site;
import io.callstream.ingress.site.SiteCatalog;
import io.callstream.schema.BlockEntry;
import io.callstream.schema.SiteConfig;

/** Reads a site's stored configuration as the edge uses it. */
public final class SiteConfigs {

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
