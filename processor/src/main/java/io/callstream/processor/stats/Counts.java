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

    private Counts() {
    }

    static StatsCounts empty() {
        return StatsCounts.newBuilder().build();
    }

    static boolean isEmpty(StatsCounts counts) {
        return counts.equals(empty());
    }

    /** {@code a + sign * b}. */
    static StatsCounts sum(StatsCounts a, StatsCounts b, int sign) {
        return StatsCounts.newBuilder()
                .setOffered(a.getOffered() + sign * b.getOffered())
                .setAnswered(a.getAnswered() + sign * b.getAnswered())
                .setMissed(a.getMissed() + sign * b.getMissed())
                .setAbandonedShort(a.getAbandonedShort() + sign * b.getAbandonedShort())
                .setRejected(a.getRejected() + sign * b.getRejected())
                .setTimedOut(a.getTimedOut() + sign * b.getTimedOut())
                .setOutbound(a.getOutbound() + sign * b.getOutbound())
                .setOutboundConnected(a.getOutboundConnected() + sign * b.getOutboundConnected())
                .setAnsweredWithinThreshold(a.getAnsweredWithinThreshold() + sign * b.getAnsweredWithinThreshold())
                .setMissedWithinThreshold(a.getMissedWithinThreshold() + sign * b.getMissedWithinThreshold())
                .setWaitAnsweredMs(a.getWaitAnsweredMs() + sign * b.getWaitAnsweredMs())
                .setWaitMissedMs(a.getWaitMissedMs() + sign * b.getWaitMissedMs())
                .setTalkMs(a.getTalkMs() + sign * b.getTalkMs())
                .setOutboundTalkMs(a.getOutboundTalkMs() + sign * b.getOutboundTalkMs())
                .setWaitBuckets(buckets(a.getWaitBuckets(), b.getWaitBuckets(), sign))
                .setWaits(multiset(a.getWaits(), b.getWaits(), sign))
                .setConcurrency(multiset(a.getConcurrency(), b.getConcurrency(), sign))
                .build();
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
