package io.callstream.ingress.admin;

import java.util.regex.Pattern;

/**
 * Zammad turns a routing row's {@code dest} into a regular expression ({@code *} becomes
 * {@code .+?}, anything else stays as written), so a {@code dest} such as {@code 49(30|40)*} or
 * {@code 4930[0-9]+} works there. callstream's destinations are numbers with {@code *}; this tells
 * the two apart, so an import can say why such a row is left out.
 */
final class ZammadPatterns {

    /** Characters that mean something in a Ruby regular expression but are not part of a number. */
    private static final Pattern REGEX_SYNTAX = Pattern.compile("[\\[\\]|?{}^$\\\\]|\\(.*[|].*\\)|\\.[*+]|\\+(?!\\d)");

    private ZammadPatterns() {
    }

    static boolean isRegularExpression(String dest) {
        return REGEX_SYNTAX.matcher(dest.strip().replaceFirst("^\\+", "")).find();
    }
}
