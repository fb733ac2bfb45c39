package io.callstream.processor.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Direction;
import io.callstream.schema.internal.StatsCounts;
import io.callstream.schema.internal.StatsPart;

/**
 * What one version of a call record adds to its site's statistics: its outcome figures to the
 * quarter hour it started in (once it ended), and itself as a call in progress to every quarter
 * it overlaps; the same for the site, its queue and the agent who answered it. Pure.
 */
final class CallContributions {

    /** A call in progress counts in at most this many quarters (two days), whatever its times say. */
    static final int MAX_QUARTERS = 2 * 96;
    private static final long SECOND_MS = 1_000;

    private CallContributions() {
    }

    static List<StatsPart> of(CallRecord record, StatsSite site) {
        if (record.getDirection() == null) {
            return List.of();
        }
        Map<Long, StatsCounts> quarters = new LinkedHashMap<>();
        long start = record.getInitializedAt().toEpochMilli();
        inProgress(record, start).forEach((quarter, concurrency) -> quarters.put(quarter,
                StatsCounts.newBuilder().setConcurrency(concurrency).build()));
        if (record.getOutcome() != null) {
            long quarter = StatsInterval.QUARTER.windowOf(start, site.zone()).start();
            quarters.merge(quarter, outcome(record, site), (concurrency, outcome) -> Counts.sum(concurrency, outcome, 1));
        }
        List<StatsPart> parts = new ArrayList<>();
        for (String dimension : dimensions(record)) {
            quarters.forEach((quarter, counts) -> parts.add(new StatsPart(dimension, java.time.Instant.ofEpochMilli(quarter), counts)));
        }
        return parts;
    }

    private static List<String> dimensions(CallRecord record) {
        List<String> dimensions = new ArrayList<>(List.of(StatsDimensions.SITE));
        if (record.getQueue() != null && !record.getQueue().isEmpty()) {
            dimensions.add(StatsDimensions.queue(record.getQueue()));
        }
        if (record.getAnsweredBy() != null && !record.getAnsweredBy().isEmpty()) {
            dimensions.add(StatsDimensions.agent(record.getAnsweredBy()));
        }
        return dimensions;
    }

    /**
     * The call in progress, per quarter it overlaps, to the second: +1 at the second it starts in (or
     * where the quarter starts), -1 after the second it ends in. A call still open is in progress
     * until the end of the quarter of its newest event. Whole seconds keep a quarter's changes to at
     * most 900 instants, however many calls it has.
     */
    private static Map<Long, Map<String, Long>> inProgress(CallRecord record, long start) {
        Map<Long, Map<String, Long>> quarters = new LinkedHashMap<>();
        if (record.getOutcome() == CallOutcome.REJECTED) {
            return quarters; // turned away at once; its endAt is the PBX's hangup, for Zammad's fields
        }
        if (record.getEndAt() != null && record.getEndAt().toEpochMilli() <= start) {
            return quarters;
        }
        long from = Math.floorDiv(start, SECOND_MS) * SECOND_MS;
        Long until = record.getEndAt() == null ? null : -Math.floorDiv(-record.getEndAt().toEpochMilli(), SECOND_MS) * SECOND_MS;
        long last = until != null ? until - 1 : Math.max(start, record.getLastEventAt().toEpochMilli());
        long first = Math.floorDiv(from, StatsInterval.QUARTER_MS) * StatsInterval.QUARTER_MS;
        for (long quarter = first; quarter <= last && quarters.size() < MAX_QUARTERS; quarter += StatsInterval.QUARTER_MS) {
            Map<String, Long> changes = new HashMap<>();
            changes.put(String.valueOf(Math.max(from, quarter)), 1L);
            if (until != null && until < quarter + StatsInterval.QUARTER_MS) {
                changes.merge(String.valueOf(until), -1L, Long::sum);
            }
            quarters.put(quarter, changes);
        }
        return quarters;
    }

    private static StatsCounts outcome(CallRecord record, StatsSite site) {
        StatsCounts.Builder counts = StatsCounts.newBuilder();
        CallOutcome outcome = record.getOutcome();
        if (record.getDirection() == Direction.OUT) {
            counts.setOutbound(1);
            if (outcome == CallOutcome.TIMED_OUT) {
                counts.setTimedOut(1);
            } else if (outcome == CallOutcome.ANSWERED) {
                counts.setOutboundConnected(1).setOutboundTalkMs(orZero(record.getTalkingTimeMs()));
            }
            return counts.build();
        }
        counts.setOffered(1);
        long wait = orZero(record.getWaitingTimeMs());
        long threshold = site.serviceLevelThresholdSeconds() * 1000L;
        switch (outcome) {
            case REJECTED -> counts.setRejected(1);
            case TIMED_OUT -> counts.setTimedOut(1);
            case ANSWERED -> {
                List<Long> buckets = new ArrayList<>(java.util.Collections.nCopies(Counts.BUCKET_STARTS.length, 0L));
                buckets.set(Counts.bucketOf(wait), 1L);
                counts.setAnswered(1).setWaitAnsweredMs(wait).setTalkMs(orZero(record.getTalkingTimeMs()))
                        .setAnsweredWithinThreshold(wait <= threshold ? 1 : 0)
                        .setWaitBuckets(buckets).setWaits(Map.of(String.valueOf(wait / SECOND_MS), 1L));
            }
            case MISSED, BUSY, FAILED, VOICEMAIL -> counts.setMissed(1).setWaitMissedMs(wait)
                    .setAbandonedShort(wait < site.abandonedShortSeconds() * 1000L ? 1 : 0)
                    .setMissedWithinThreshold(wait <= threshold ? 1 : 0)
                    .setWaits(Map.of(String.valueOf(wait / SECOND_MS), 1L));
            default -> {
                // Forwarded, answered elsewhere, or an outcome added later: offered, nothing else.
            }
        }
        return counts.build();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
