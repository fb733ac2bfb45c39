package io.callstream.ingress.request;

/**
 * What the edge does with control characters in PBX input, so that no value can break a log line,
 * a CSV row or a header downstream: NUL is removed everywhere (Zammad's database cannot store it
 * either); an identifier with any other control character is refused; free text gets a space for
 * each. Control characters are C0 (tab, CR, LF, ...), DEL, C1 (what bytes 0x80-0x9F of a Latin-1
 * body decode to) and the Unicode line and paragraph separators.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    static String withoutNul(String value) {
        return value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }

    static boolean containsAny(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code value} with a space for every control character ({@code null} stays {@code null}). */
    static String spaced(String value) {
        if (value == null || !containsAny(value)) {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            text.append(isControl(c) ? ' ' : c);
        }
        return text.toString();
    }

    private static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
