package io.callstream.processor.forwarding;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.callstream.schema.CtiEvent;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One site's events on their way to its Zammad, in the order they were polled (so in the edge's
 * order per call: a call's events share a partition). One is posted at a time; while Zammad is
 * away the head is retried with back-off and the rest wait, in this lane only: other sites go on.
 */
final class SiteLane {

    /** A polled event and where it came from, to settle its offset once it is delivered or refused. */
    record Pending(TopicPartition partition, long offset, CtiEvent event, byte[] key, byte[] value) {
    }

    /** What happens to an event Zammad refused for good. */
    interface Refusals {
        void refused(Pending pending, String reason);
    }

    private static final Logger log = LoggerFactory.getLogger(SiteLane.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final String site;
    private final Function<String, Optional<String>> targets;
    private final ZammadClient zammad;
    private final ScheduledExecutorService workers;
    private final OffsetTracker offsets;
    private final Refusals refusals;
    private final ForwardingMeters meters;
    private final Clock clock;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private boolean draining;
    private int failures;

    SiteLane(String site, Function<String, Optional<String>> targets, ZammadClient zammad, ScheduledExecutorService workers,
            OffsetTracker offsets, Refusals refusals, ForwardingMeters.Factory meters, Clock clock) {
        this.site = site;
        this.targets = targets;
        this.zammad = zammad;
        this.workers = workers;
        this.offsets = offsets;
        this.refusals = refusals;
        this.clock = clock;
        this.meters = meters.forSite(site, this);
    }

    synchronized void add(Pending pending) {
        queue.addLast(pending);
        if (!draining) {
            draining = true;
            try {
                workers.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                draining = false;
            }
        }
    }

    /** The events of partitions this instance gave up: their new owner posts them. */
    synchronized void drop(Collection<TopicPartition> revoked) {
        queue.removeIf(pending -> revoked.contains(pending.partition()));
    }

    synchronized int waiting() {
        return queue.size();
    }

    /** How long the oldest waiting event has waited since the edge received it, in seconds. */
    synchronized double oldestAgeSeconds() {
        Pending head = queue.peekFirst();
        return head == null ? 0 : Math.max(0, Duration.between(head.event().getReceivedAt(), clock.instant()).toMillis() / 1000.0);
    }

    private void drain() {
        while (true) {
            Pending head;
            synchronized (this) {
                head = queue.peekFirst();
                if (head == null) {
                    draining = false;
                    return;
                }
            }
            if (!settle(head)) {
                meters.failed();
                retryLater();
                return;
            }
            failures = 0;
            synchronized (this) {
                if (queue.peekFirst() == head) {
                    queue.pollFirst();
                }
            }
            offsets.settled(head.partition(), head.offset());
        }
    }

    /** Posts the event (or parks it, or lets it go when the site stopped forwarding); false: try again later. */
    private boolean settle(Pending head) {
        Optional<String> target = targets.apply(site);
        if (target.isEmpty()) {
            return true;
        }
        try {
            ZammadClient.Answer answer = zammad.post(target.get(), head.event());
            switch (answer.verdict()) {
                case RETRY -> {
                    return false;
                }
                case REFUSED -> {
                    refusals.refused(head, answer.reason());
                    meters.parked();
                }
                case DELIVERED -> meters.forwarded(clock.instant());
            }
            return true;
        } catch (RuntimeException e) {
            // The dead-letter topic could not take a refused event, say: it stays at the head.
            log.warn("Forwarding event {} of site {} failed; retrying: {}", head.event().getEventId(), site, e.toString());
            return false;
        }
    }

    private void retryLater() {
        try {
            workers.schedule(this::drain, retryDelay(++failures).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            synchronized (this) {
                draining = false;
            }
        }
    }

    static Duration retryDelay(int failures) {
        long millis = FIRST_RETRY.toMillis() << Math.min(failures - 1, 10);
        return Duration.ofMillis(Math.min(millis, LAST_RETRY.toMillis()));
    }
}
