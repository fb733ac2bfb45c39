package io.callstream.processor.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready while the processor's Kafka Streams application runs (a rebalance included); down once it
 * stopped or failed. Health component {@code streams}.
 */
public final class ProcessorStreamsHealthIndicator implements HealthIndicator {

    private final ProcessorStreams streams;

    public ProcessorStreamsHealthIndicator(ProcessorStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        return streams.streams()
                .map(KafkaStreams::state)
                .map(state -> (state.isRunningOrRebalancing() ? Health.up() : Health.down())
                        .withDetail("state", state.name()).build())
                .orElseGet(() -> Health.outOfService().withDetail("state", "waiting for the topics").build());
    }
}
