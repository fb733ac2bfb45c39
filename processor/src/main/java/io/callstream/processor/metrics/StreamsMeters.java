package io.callstream.processor.metrics;

import io.callstream.processor.topology.StoreNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The processor's Kafka Streams application in Prometheus: every metric of the client, its stream
 * threads, tasks and its consumers and producers ({@code kafka_stream_*}, {@code kafka_consumer_*}
 * with {@code records_lag_max}, {@code kafka_producer_*}; punctuation time as
 * {@code kafka_stream_thread_punctuate_latency_*}), and {@code callstream_processor_active_calls}.
 */
public final class StreamsMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private KafkaStreamsMetrics bound;
    private Gauge activeCalls;

    public StreamsMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public synchronized void bind(KafkaStreams streams) {
        bound = new KafkaStreamsMetrics(streams);
        bound.bindTo(registry);
        activeCalls = Gauge.builder("callstream.processor.active.calls", streams, StreamsMeters::activeCalls)
                .description("Calls this instance holds as active (ringing or talking), estimated by its store")
                .register(registry);
    }

    @Override
    public synchronized void close() {
        if (bound != null) {
            bound.close();
            registry.remove(activeCalls);
        }
    }

    private static double activeCalls(KafkaStreams streams) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ACTIVE_CALLS,
                    QueryableStoreTypes.<String, String>keyValueStore())).approximateNumEntries();
        } catch (InvalidStateStoreException notNow) {
            return Double.NaN;
        }
    }
}
