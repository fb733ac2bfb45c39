package io.callstream.processor.calls;

import java.util.ArrayList;
import java.util.List;

/** Every order of a small list: exhaustive, so deterministic and complete where it matters. */
public final class Permutations {

    private Permutations() {
    }

    public static <T> List<List<T>> of(List<T> items) {
        List<List<T>> all = new ArrayList<>();
        permute(new ArrayList<>(items), 0, all);
        return all;
    }

    private static <T> void permute(List<T> items, int from, List<List<T>> all) {
        if (from == items.size()) {
            all.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            java.util.Collections.swap(items, from, i);
            permute(items, from + 1, all);
            java.util.Collections.swap(items, from, i);
        }
    }
}
