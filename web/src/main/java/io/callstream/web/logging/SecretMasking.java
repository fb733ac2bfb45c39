package io.callstream.web.logging;

import java.util.regex.Pattern;

/**
 * Hides the two secrets a request carries before text about it is written anywhere: a site token,
 * which is the path segment after {@code /api/v1/cti/}, and a bearer token (admin or API token).
 */
public final class SecretMasking {

    public static final String MASK = "***";

    private static final Pattern MARKERS = Pattern.compile("(?i)/api/v1/cti/|bearer");
    /** The segment after {@code /api/v1/cti/}, except the caller log's own path {@code /api/v1/cti/log}. */
    private static final Pattern SITE_TOKEN =
            Pattern.compile("(?i)(/api/v1/cti/)(?!log(?:[/?#\\s\"']|$))[^/?#\\s\"']+");
    private static final Pattern BEARER_TOKEN = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");

    private SecretMasking() {
    }

    /** {@code POST /api/v1/cti/secret?x=1} becomes {@code POST /api/v1/cti/***?x=1}; {@code Bearer abc} becomes {@code Bearer ***}. */
    public static String mask(String text) {
        if (text == null || !MARKERS.matcher(text).find()) {
            return text;
        }
        String masked = SITE_TOKEN.matcher(text).replaceAll("$1" + MASK);
        return BEARER_TOKEN.matcher(masked).replaceAll("$1" + MASK);
    }
}
