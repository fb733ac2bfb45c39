package io.callstream.schema;

/**
 * Brings the many spellings of one phone number to one form: the form of the keys of
 * {@link Topics#CONTACTS} and of {@link CtiEvent#getFromNormalized()}. So {@code +49 171 5000000},
 * {@code 00491715000000} and {@code 491715000000} compare equal (docs/pbx-contract.md, Rules):
 * separators (white space, {@code - / ( ) .}) go, a leading {@code +} or {@code 00} goes, letters
 * are lower-cased ({@code Anonymous} is {@code anonymous}). A single leading {@code 0} (national
 * format) becomes the site's country code only when the site has one.
 */
public final class PhoneNumbers {

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
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
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
