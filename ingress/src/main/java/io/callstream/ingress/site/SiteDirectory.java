package io.callstream.ingress.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the site a PBX token belongs to. Tokens are kept only as SHA-256 digests and looked up by
 * digest: the time a lookup takes depends on the digest, not on how much of a guessed token is
 * right, so it leaks nothing usable about real tokens.
 */
public final class SiteDirectory {

    /** A site with its plain token, as configured. */
    public record Entry(String token, Site site) {
    }

    private final Map<String, Site> sitesByTokenDigest;

    private SiteDirectory(Map<String, Site> sitesByTokenDigest) {
        this.sitesByTokenDigest = Map.copyOf(sitesByTokenDigest);
    }

    public static SiteDirectory of(List<Entry> entries) {
        Map<String, Site> byDigest = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Entry entry : entries) {
            String id = entry.site().id();
            if (entry.token() == null || entry.token().isBlank()) {
                throw new IllegalArgumentException("site " + id + " has no token");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("site " + id + " is configured twice");
            }
            if (byDigest.put(digest(entry.token()), entry.site()) != null) {
                throw new IllegalArgumentException("site " + id + " shares its token with another site");
            }
        }
        return new SiteDirectory(byDigest);
    }

    public Optional<Site> findByToken(String token) {
        return Optional.ofNullable(sitesByTokenDigest.get(digest(token)));
    }

    static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
