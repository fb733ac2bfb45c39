package io.callstream.processor.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Deletes the entries of a store that a test picks; keys are collected first, so no store changes under an open iterator. */
final class StoreSweep {

    private StoreSweep() {
    }

    static <V> void deleteWhere(KeyValueStore<String, V> store, BiPredicate<String, V> picked) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (picked.test(entry.key, entry.value)) {
                    keys.add(entry.key);
                }
            }
        }
        keys.forEach(store::delete);
    }
}
