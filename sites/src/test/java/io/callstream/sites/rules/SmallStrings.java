package io.callstream.sites.rules;

import java.util.ArrayList;
import java.util.List;

/** Exhaustive inputs for matcher tests: deterministic, and every corner case of a small alphabet. */
final class SmallStrings {

    private SmallStrings() {
    }

    /** Every string over {@code alphabet} of length 0 to {@code maxLength}, shortest first. */
    static List<String> all(String alphabet, int maxLength) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : alphabet.toCharArray()) {
                    longer.add(prefix + c);
                }
            }
            all.addAll(longer);
            previous = longer;
        }
        return all;
    }
}
