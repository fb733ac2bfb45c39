package io.callstream.ingress;

/** JSON text built by hand in tests, for bodies a JSON library would refuse to write. */
public final class JsonText {

    private JsonText() {
    }

    /** A JSON string: backslash, quote and control characters escaped. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '"') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
