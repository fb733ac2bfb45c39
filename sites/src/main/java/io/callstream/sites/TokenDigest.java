package io.callstream.sites;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * PBX tokens are stored and compared only as lower-case hex SHA-256 digests. Looking a digest up
 * takes a time that depends on the digest, not on how much of a guessed token is right, so it
 * leaks nothing usable about real tokens; and a leaked rules topic reveals no token.
 */
public final class TokenDigest {

    private static final int NEW_TOKEN_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenDigest() {
    }

    public static String of(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A new random token: 24 bytes, URL-safe Base64 (32 characters). */
    public static String newToken() {
        byte[] random = new byte[NEW_TOKEN_BYTES];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
