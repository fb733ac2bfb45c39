package io.callstream.processor.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.callstream.schema.CallStats;
import io.callstream.schema.WaitBucket;
import io.callstream.schema.internal.StatsCounts;

/**
 * The figures of one window from its quarter hours: sums add up, the longest wait and the peak are
 * the largest of the quarters' (quarters tile the window, so that is exact). Pure.
 */
final class WindowFigures {

    private StatsCounts total = Counts.empty();
    private long maxWaitSeconds = -1;
    private int peak;

    /** Adds one stored quarter of the window (its peak and longest wait cached in it). */
    WindowFigures add(StatsCounts quarter) {
        total = Counts.sum(total, quarter, 1);
        maxWaitSeconds = Math.max(maxWaitSeconds, quarter.getMaxWaitSeconds());
        peak = Math.max(peak, quarter.getPeak());
        return this;
    }

    CallStats toStats(String site, String dimension, StatsInterval interval, StatsInterval.Window window, StatsSite settings) {
        long answered = total.getAnswered();
        long missed = total.getMissed();
        return CallStats.newBuilder()
                .setSite(site)
                .setDimension(StatsDimensions.type(dimension))
                .setDimensionValue(StatsDimensions.value(dimension))
                .setInterval(interval.label())
                .setWindowStart(Instant.ofEpochMilli(window.start()))
                .setWindowEnd(Instant.ofEpochMilli(window.end()))
                .setTimeZone(settings.zone().getId())
                .setServiceLevelThresholdSeconds(settings.serviceLevelThresholdSeconds())
                .setOffered(total.getOffered())
                .setAnswered(answered)
                .setMissed(missed)
                .setAbandonedShort(total.getAbandonedShort())
                .setRejected(total.getRejected())
                .setTimedOut(total.getTimedOut())
                .setOutbound(total.getOutbound())
                .setOutboundConnected(total.getOutboundConnected())
                .setAnswerRate(ratio(answered, total.getOffered() - total.getRejected()))
                .setAsaSeconds(ratio(total.getWaitAnsweredMs() / 1000.0, answered))
                .setAvgWaitMissedSeconds(ratio(total.getWaitMissedMs() / 1000.0, missed))
                .setMaxWaitSeconds(maxWaitSeconds < 0 ? null : (double) maxWaitSeconds)
                .setAhtSeconds(ratio(total.getTalkMs() / 1000.0, answered))
                .setTalkSeconds(total.getTalkMs() / 1000.0)
                .setOutboundTalkSeconds(total.getOutboundTalkMs() / 1000.0)
                .setServiceLevel(ratio(total.getAnsweredWithinThreshold(), answered))
                .setServiceLevel2(ratio(total.getAnsweredWithinThreshold() + total.getMissedWithinThreshold(),
                        answered + missed))
                .setWaitBuckets(buckets(total.getWaitBuckets()))
                .setPeakConcurrent(peak)
                .build();
    }

    private static List<WaitBucket> buckets(List<Long> counts) {
        List<WaitBucket> buckets = new ArrayList<>();
        for (int i = 0; i < Counts.BUCKET_STARTS.length; i++) {
            Integer to = i + 1 < Counts.BUCKET_STARTS.length ? Counts.BUCKET_STARTS[i + 1] : null;
            buckets.add(new WaitBucket(Counts.BUCKET_STARTS[i], to, counts.isEmpty() ? 0 : counts.get(i)));
        }
        return buckets;
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator <= 0 ? null : numerator / denominator;
    }
}
