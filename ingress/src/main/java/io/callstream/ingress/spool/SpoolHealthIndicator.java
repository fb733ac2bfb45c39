package io.callstream.ingress.spool;

import java.time.temporal.ChronoUnit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of readiness instead of Kafka itself: while Kafka is away the edge still stores every event
 * (in the spool) and must keep receiving PBX traffic. Up with {@code mode: direct} when events go
 * to Kafka, {@code mode: spooling} while they wait in the spool; out of service only when the spool
 * could not take another event (full, or its disk failed).
 */
public final class SpoolHealthIndicator implements HealthIndicator {

    private final EventSpool spool;
    private final long largestEventBytes;

    /** @param largestEventBytes room the spool must have left to take any event */
    public SpoolHealthIndicator(EventSpool spool, long largestEventBytes) {
        this.spool = spool;
        this.largestEventBytes = largestEventBytes;
    }

    @Override
    public Health health() {
        long events = spool.events();
        Health.Builder health = !spool.writable() ? Health.outOfService().withDetail("reason", "the spool's disk failed")
                : !spool.hasRoomFor(largestEventBytes) ? Health.outOfService().withDetail("reason", "the spool is full")
                : Health.up();
        health.withDetail("mode", events == 0 ? "direct" : "spooling")
                .withDetail("events", events)
                .withDetail("bytes", spool.bytes())
                .withDetail("maxBytes", spool.maxBytes());
        spool.oldestAge().ifPresent(age -> health.withDetail("oldestAge", age.truncatedTo(ChronoUnit.MILLIS).toString()));
        return health.build();
    }
}
