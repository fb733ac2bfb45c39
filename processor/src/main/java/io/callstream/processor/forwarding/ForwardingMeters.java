package io.callstream.processor.forwarding;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * A site's forwarding meters, tagged {@code site}: events forwarded, posts that failed and will be
 * retried, events parked on the dead-letter topic, the lag (events waiting, age of the oldest) and
 * the time of the last success.
 */
final class ForwardingMeters {

    /** Makes the meters of a site's lane, and of the forwarder's consumer. */
    interface Factory {
        ForwardingMeters forSite(String site, SiteLane lane);

        /** The consumer's {@code kafka_consumer_*} meters, its lag among them, until the binding is closed. */
        Binding consumer(Consumer<?, ?> consumer);
    }

    /** Meters bound to a client; closing removes them. */
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    private final Counter forwarded;
    private final Counter failed;
    private final Counter parked;
    private final AtomicLong lastSuccess = new AtomicLong();

    private ForwardingMeters(MeterRegistry registry, String site, SiteLane lane) {
        forwarded = Counter.builder("callstream.forwarding.forwarded").tag("site", site)
                .description("Events Zammad accepted").register(registry);
        failed = Counter.builder("callstream.forwarding.failed").tag("site", site)
                .description("Posts that failed and are retried (Zammad away or answering 5xx)").register(registry);
        parked = Counter.builder("callstream.forwarding.parked").tag("site", site)
                .description("Events Zammad refused for good, parked on the dead-letter topic").register(registry);
        Gauge.builder("callstream.forwarding.lag.events", lane, SiteLane::waiting).tag("site", site)
                .description("Events waiting to be forwarded").register(registry);
        Gauge.builder("callstream.forwarding.lag.seconds", lane, SiteLane::oldestAgeSeconds).tag("site", site)
                .description("Age of the oldest event waiting").register(registry);
        Gauge.builder("callstream.forwarding.last.success", lastSuccess, AtomicLong::get).tag("site", site)
                .description("When Zammad last accepted an event (epoch seconds, 0: never)").register(registry);
    }

    static Factory in(MeterRegistry registry) {
        return new Factory() {
            @Override
            public ForwardingMeters forSite(String site, SiteLane lane) {
                return new ForwardingMeters(registry, site, lane);
            }

            @Override
            public Binding consumer(Consumer<?, ?> consumer) {
                KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
                metrics.bindTo(registry);
                return metrics::close;
            }
        };
    }

    void forwarded(Instant at) {
        forwarded.increment();
        lastSuccess.set(at.getEpochSecond());
    }

    void failed() {
        failed.increment();
    }

    void parked() {
        parked.increment();
    }
}
