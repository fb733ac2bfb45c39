package io.callstream.schema;

import java.util.Objects;

/**
 * The key of everything that belongs to one call: the site and the PBX's call id. Its text form
 * {@code "{site}/{callId}"} is the Kafka record key; site ids never contain {@code '/'}, so the
 * first slash separates the two even when a call id contains slashes.
 */
public record CallKey(String site, String callId) {

    private static final char SEPARATOR = '/';

    public CallKey {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(callId, "callId");
        if (site.isEmpty() || site.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a site id is not empty and has no '/': " + site);
        }
    }

    /** Parses the text form written by {@link #toString()}. */
    public static CallKey parse(String text) {
        int separator = text.indexOf(SEPARATOR);
        if (separator <= 0) {
            throw new IllegalArgumentException("not a call key: " + text);
        }
        return new CallKey(text.substring(0, separator), text.substring(separator + 1));
    }

    /** The Kafka record key: {@code "{site}/{callId}"}. */
    @Override
    public String toString() {
        return site + SEPARATOR + callId;
    }
}
