package io.callstream.ingress.rules;

import java.util.HashMap;
import java.util.Map;

import io.callstream.ingress.request.CtiRequest;

/** Rules fixed at start-up, from configuration. */
public final class StaticRuleBook implements RuleBook {

    private static final SiteRules NO_RULES = SiteRules.compile(RuleSet.none());

    private final Map<String, SiteRules> rulesBySite;

    public StaticRuleBook(Map<String, RuleSet> ruleSetsBySite) {
        Map<String, SiteRules> compiled = new HashMap<>();
        ruleSetsBySite.forEach((site, rules) -> compiled.put(site, SiteRules.compile(rules)));
        this.rulesBySite = Map.copyOf(compiled);
    }

    @Override
    public Decision decide(String siteId, CtiRequest request) {
        return rulesBySite.getOrDefault(siteId, NO_RULES).decide(request);
    }
}
