package io.callstream.ingress.spool;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The spool as Prometheus sees it: depth in events and bytes, its bound, the oldest event's age, events spooled. */
public final class SpoolMetrics {

    private SpoolMetrics() {
    }

    public static void register(EventSpool spool, MeterRegistry meters) {
        Gauge.builder("callstream.spool.events", spool, EventSpool::events)
                .description("CTI events in the spool that are not in Kafka yet")
                .baseUnit("events")
                .register(meters);
        Gauge.builder("callstream.spool.size", spool, EventSpool::bytes)
                .description("Bytes of the spool's events that are not in Kafka yet")
                .baseUnit("bytes")
                .register(meters);
        Gauge.builder("callstream.spool.capacity", spool, EventSpool::maxBytes)
                .description("The most the spool holds (callstream.ingress.spool.max-size)")
                .baseUnit("bytes")
                .register(meters);
        Gauge.builder("callstream.spool.oldest.age", spool,
                        measured -> measured.oldestAge().map(age -> age.toMillis() / 1000.0).orElse(0.0))
                .description("How long the oldest CTI event not in Kafka yet has been waiting in the spool")
                .baseUnit("seconds")
                .register(meters);
        FunctionCounter.builder("callstream.spool.appended", spool, EventSpool::appendedTotal)
                .description("CTI events the edge spooled because Kafka did not take them in time, or to keep them"
                        + " behind spooled ones")
                .baseUnit("events")
                .register(meters);
    }
}
