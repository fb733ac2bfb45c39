package io.callstream.kafka.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What a topic holds, every partition from its beginning to its end as of the call, without a consumer
 * group: for tests that check what was published.
 */
public final class TopicContents {

    private TopicContents() {
    }

    /** Every record, committed or not (a transaction's records count once it is written). */
    public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, String topic, Deserializer<K> keys,
            Deserializer<V> values) {
        return read(bootstrapServers, topic, keys, values, "read_uncommitted");
    }

    /** Every record of a committed transaction (or written without one), as a {@code read_committed} consumer sees them. */
    public static <K, V> List<ConsumerRecord<K, V>> readCommitted(String bootstrapServers, String topic,
            Deserializer<K> keys, Deserializer<V> values) {
        return read(bootstrapServers, topic, keys, values, "read_committed");
    }

    private static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, String topic, Deserializer<K> keys,
            Deserializer<V> values, String isolation) {
        List<ConsumerRecord<K, V>> all = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }
}
