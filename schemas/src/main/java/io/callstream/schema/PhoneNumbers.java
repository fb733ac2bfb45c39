package io.callstream.schema;

import java.util.regex.Pattern;

/**
 * Brings the many spellings of one phone number to one form: the form of the keys of
 * {@link Topics#CONTACTS} and of {@link CtiEvent#getFromNormalized()}. So {@code +49 171 5000000},
 * {@code 00491715000000} and {@code 491715000000} compare equal (docs/pbx-contract.md, Rules):
 * separators (white space, {@code - / ( ) .}) go, a leading {@code +} or {@code 00} goes, letters
 * are lower-cased ({@code Anonymous} is {@code anonymous}). A {@code 0} in parentheses right after
 * an international prefix is the national trunk prefix, which a call from abroad does not dial, so
 * it goes too ({@code +49 (0)30 5557 1600} is {@code 493055571600}, as Zammad reads it). A single
 * leading {@code 0} (national format) becomes the site's country code only when the site has one.
 */
public final class PhoneNumbers {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,2}");
    /** {@code +49(0)30...}, {@code 0049(030)...}: the prefix, the country code, then the trunk 0 in parentheses. */
    private static final Pattern TRUNK_PREFIX = Pattern.compile("^(\\+|00)([1-9][0-9]{0,2})\\(0([0-9]*)\\)");

    private PhoneNumbers() {
    }

    /**
     * @param raw         a number as a PBX sent it, or {@code null}
     * @param countryCode the site's country code without {@code +} (for example {@code 49}), or
     *                    {@code null} to leave national numbers as they are
     * @return the normalised number, {@code ""} for a blank input, {@code null} for {@code null}
     */
    public static String normalize(String raw, String countryCode) {
        if (raw == null) {
            return null;
        }
        String number = withoutTrunkPrefix(raw);
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!isSeparator(c)) {
                digits.append(Character.toLowerCase(c));
            }
        }
        if (startsWith(digits, "+")) {
            return digits.substring(1);
        }
        if (startsWith(digits, "00")) {
            return digits.substring(2);
        }
        if (countryCode != null && !countryCode.isEmpty() && startsWith(digits, "0")) {
            return countryCode + digits.substring(1);
        }
        return digits.toString();
    }

    /** Whether {@code value} can be a site's country code: 1 to 3 digits, no {@code +}, no leading 0 ({@code 49}). */
    public static boolean isCountryCode(String value) {
        return value != null && COUNTRY_CODE.matcher(value).matches();
    }

    private static String withoutTrunkPrefix(String raw) {
        if (raw.indexOf('(') < 0) {
            return raw;
        }
        StringBuilder compact = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!isSeparator(c) || c == '(' || c == ')') {
                compact.append(c);
            }
        }
        return TRUNK_PREFIX.matcher(compact).replaceFirst("$1$2$3");
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '/' || c == '(' || c == ')' || c == '.';
    }

    private static boolean startsWith(CharSequence text, String prefix) {
        if (text.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
