package io.callstream.processor.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.callstream.schema.internal.StatsCounts;

/**
 * Arithmetic on {@link StatsCounts}: every field is a sum over calls, so a call is taken out of a
 * quarter by subtracting exactly what it added. Multiset entries that reach zero are removed, so a
 * quarter whose calls all left is empty again.
 */
final class Counts {

    /** Lower bounds of the wait buckets, in seconds; the last bucket is open. */
    static final int[] BUCKET_STARTS = {0, 5, 10, 20, 30, 60};
    private static final int NO_PEAK = 0;
    private static final long NO_WAIT = -1;

    private Counts() {
    }

    /** Built field by field: Avro's builder copies every schema default, a tenth of the statistics' time. */
    static StatsCounts empty() {
        return new StatsCounts(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, List.of(), Map.of(), NO_PEAK,
                NO_WAIT, Map.of());
    }

    static boolean isEmpty(StatsCounts counts) {
        return counts.equals(empty());
    }

    /** {@code a + sign * b}; peak and longest wait as in a call's part (a stored quarter reads them from its details). */
    static StatsCounts sum(StatsCounts a, StatsCounts b, int sign) {
        return new StatsCounts(
                a.getOffered() + sign * b.getOffered(),
                a.getAnswered() + sign * b.getAnswered(),
                a.getMissed() + sign * b.getMissed(),
                a.getAbandonedShort() + sign * b.getAbandonedShort(),
                a.getRejected() + sign * b.getRejected(),
                a.getTimedOut() + sign * b.getTimedOut(),
                a.getOutbound() + sign * b.getOutbound(),
                a.getOutboundConnected() + sign * b.getOutboundConnected(),
                a.getAnsweredWithinThreshold() + sign * b.getAnsweredWithinThreshold(),
                a.getMissedWithinThreshold() + sign * b.getMissedWithinThreshold(),
                a.getWaitAnsweredMs() + sign * b.getWaitAnsweredMs(),
                a.getWaitMissedMs() + sign * b.getWaitMissedMs(),
                a.getTalkMs() + sign * b.getTalkMs(),
                a.getOutboundTalkMs() + sign * b.getOutboundTalkMs(),
                buckets(a.getWaitBuckets(), b.getWaitBuckets(), sign),
                multiset(a.getWaits(), b.getWaits(), sign),
                NO_PEAK,
                NO_WAIT,
                multiset(a.getConcurrency(), b.getConcurrency(), sign));
    }

    static int bucketOf(long waitMs) {
        int bucket = 0;
        for (int i = 0; i < BUCKET_STARTS.length; i++) {
            if (waitMs >= BUCKET_STARTS[i] * 1000L) {
                bucket = i;
            }
        }
        return bucket;
    }

    /** Six counts, or none when all are zero. */
    private static List<Long> buckets(List<Long> a, List<Long> b, int sign) {
        List<Long> sum = new ArrayList<>(BUCKET_STARTS.length);
        boolean allZero = true;
        for (int i = 0; i < BUCKET_STARTS.length; i++) {
            long value = at(a, i) + sign * at(b, i);
            sum.add(value);
            allZero &= value == 0;
        }
        return allZero ? List.of() : sum;
    }

    private static long at(List<Long> buckets, int index) {
        return buckets.isEmpty() ? 0 : buckets.get(index);
    }

    private static Map<String, Long> multiset(Map<String, Long> a, Map<String, Long> b, int sign) {
        Map<String, Long> sum = new HashMap<>(a);
        b.forEach((key, count) -> sum.merge(key, sign * count, Long::sum));
        sum.values().removeIf(count -> count == 0);
        return sum;
    }
}
