package io.callstream.processor.stats;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The multisets of a quarter, entry by entry (store {@code stats-quarter-details}): how the calls in
 * progress change at each second ({@code .../c/<epoch millis>}) and how many calls waited each
 * whole second ({@code .../w/<seconds>}). A call changes a few entries, not the whole quarter; the
 * quarter's peak and longest wait are read back from them and cached in its counts.
 */
final class QuarterDetails {

    private static final String CHANGES = "/c/";
    private static final String WAITS = "/w/";

    private final KeyValueStore<String, Long> details;

    QuarterDetails(KeyValueStore<String, Long> details) {
        this.details = details;
    }

    /** Applies a call's old and new changes of the calls in progress. */
    void applyChanges(String quarterKey, Map<String, Long> minus, Map<String, Long> plus) {
        apply(quarterKey + CHANGES, minus, plus);
    }

    /** Applies a call's old and new wait. */
    void applyWaits(String quarterKey, Map<String, Long> minus, Map<String, Long> plus) {
        apply(quarterKey + WAITS, minus, plus);
    }

    /** The most calls in progress in one second of the quarter: the highest running sum of its changes. */
    int peak(String quarterKey) {
        long running = 0;
        long peak = 0;
        try (KeyValueIterator<String, Long> changes = details.prefixScan(quarterKey + CHANGES,
                new org.apache.kafka.common.serialization.StringSerializer())) {
            while (changes.hasNext()) {
                running += changes.next().value;
                peak = Math.max(peak, running);
            }
        }
        return Math.toIntExact(peak);
    }

    /** The longest wait in whole seconds, -1 for none: the last wait entry. */
    long maxWaitSeconds(String quarterKey) {
        String prefix = quarterKey + WAITS;
        try (KeyValueIterator<String, Long> waits = details.reverseRange(prefix, prefix + "\uffff")) {
            return waits.hasNext() ? Long.parseLong(waits.next().key.substring(prefix.length())) : -1;
        }
    }

    /** Deletes every entry of quarters that start before {@code horizon}. */
    void forgetBefore(long horizon) {
        StoreSweep.deleteWhere(details, (key, count) -> quarterStartOf(key) < horizon);
    }

    private static long quarterStartOf(String detailKey) {
        int kind = Math.max(detailKey.lastIndexOf(CHANGES), detailKey.lastIndexOf(WAITS));
        return StatsKeys.quarterStart(detailKey.substring(0, kind));
    }

    /** Only entries whose count changes are read and written: a call's new version mostly repeats its old entries. */
    private void apply(String prefix, Map<String, Long> minus, Map<String, Long> plus) {
        Map<String, Long> difference = new HashMap<>(plus);
        minus.forEach((number, count) -> difference.merge(number, -count, Long::sum));
        difference.forEach((number, count) -> {
            if (count != 0) {
                add(prefix + StatsKeys.padded(number), count);
            }
        });
    }

    private void add(String key, long count) {
        Long current = details.get(key);
        long next = (current == null ? 0 : current) + count;
        if (next == 0) {
            details.delete(key);
        } else {
            details.put(key, next);
        }
    }

}
