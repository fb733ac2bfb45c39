package io.callstream.sites.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A routing row's {@code dest}: every character is literal except {@code *}, which stands for one
 * or more characters, anywhere in the pattern ({@code 41*} matches {@code 4147110000000} but not
 * {@code 41}). The pattern must match the whole number. Compiled once into its literal pieces;
 * matching walks the number once and allocates nothing.
 */
public final class DestinationPattern {

    private static final char WILDCARD = '*';

    private final String text;
    /** The literal pieces between wildcards; there is one wildcard fewer than pieces. */
    private final String[] pieces;

    private DestinationPattern(String text, String[] pieces) {
        this.text = text;
        this.pieces = pieces;
    }

    public static DestinationPattern compile(String pattern) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == WILDCARD) {
                pieces.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(pattern.substring(start));
        return new DestinationPattern(pattern, pieces.toArray(String[]::new));
    }

    public boolean matches(String number) {
        String first = pieces[0];
        if (pieces.length == 1) {
            return number.equals(first);
        }
        String last = pieces[pieces.length - 1];
        if (!number.startsWith(first) || !number.endsWith(last)) {
            return false;
        }
        int position = first.length();
        int lastStart = number.length() - last.length();
        for (int i = 1; i < pieces.length - 1; i++) {
            // The wildcard before this piece takes at least one character; the leftmost fit
            // leaves the most room for the rest, so it is the only one worth trying.
            int found = number.indexOf(pieces[i], position + 1);
            if (found < 0) {
                return false;
            }
            position = found + pieces[i].length();
        }
        // The final wildcard needs at least one character before the last piece.
        return position < lastStart;
    }

    /** The literal text before the first wildcard; the whole pattern if it has none. A match starts with it. */
    public String leadingLiteral() {
        return pieces[0];
    }

    @Override
    public String toString() {
        return text;
    }
}
