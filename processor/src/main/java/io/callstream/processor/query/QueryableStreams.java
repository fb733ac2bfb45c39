package io.callstream.processor.query;

import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;

/** What every query checks first: the Kafka Streams client runs (a rebalance included), else "not queryable here". */
public final class QueryableStreams {

    private QueryableStreams() {
    }

    public static KafkaStreams running(Optional<KafkaStreams> streams) {
        return streams.filter(client -> client.state().isRunningOrRebalancing())
                .orElseThrow(() -> new NotQueryableHereException("the processor's topologies are not running yet", null));
    }
}
