package io.callstream.sites;

import java.util.regex.Pattern;

/**
 * A site: one PBX installation (or one tenant) with its own token. The token is not part of this
 * value; only the {@link SiteCatalog} knows it, as a digest.
 *
 * @param id      stable id, used in Kafka keys and records: letters, digits, {@code . _ -}
 * @param enabled a disabled site's requests are refused with Zammad's "Feature is disabled"
 */
public record Site(String id, boolean enabled) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Site {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("a site id has 1 to 64 letters, digits, '.', '_' or '-' and starts "
                    + "with a letter or digit: " + id);
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
