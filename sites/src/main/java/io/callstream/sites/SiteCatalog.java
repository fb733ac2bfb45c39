package io.callstream.sites;

import java.util.Map;
import java.util.Optional;

import io.callstream.sites.rules.SiteRules;

/**
 * Everything the edge needs to answer a PBX, at one moment: the sites by token digest with their
 * compiled rules. Immutable; a request reads one snapshot from start to end, so a rule change never
 * applies half-way through a request.
 */
public final class SiteCatalog {

    /** A known site and its rules. */
    public record Entry(Site site, SiteRules rules) {
    }

    private static final SiteCatalog NOT_READY = new SiteCatalog(Map.of(), false);

    private final Map<String, Entry> entriesByTokenDigest;
    private final boolean ready;

    private SiteCatalog(Map<String, Entry> entriesByTokenDigest, boolean ready) {
        this.entriesByTokenDigest = entriesByTokenDigest;
        this.ready = ready;
    }

    /** The catalog before the sites are known: every PBX request is answered 503. */
    public static SiteCatalog notReady() {
        return NOT_READY;
    }

    /** @param entriesByTokenDigest entries keyed by {@link TokenDigest#of(String)} of their token */
    public static SiteCatalog of(Map<String, Entry> entriesByTokenDigest) {
        return new SiteCatalog(Map.copyOf(entriesByTokenDigest), true);
    }

    public boolean ready() {
        return ready;
    }

    public Optional<Entry> findByToken(String token) {
        return Optional.ofNullable(entriesByTokenDigest.get(TokenDigest.of(token)));
    }
}
