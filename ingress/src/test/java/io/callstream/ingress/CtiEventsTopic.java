package io.callstream.ingress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.callstream.kafka.local.TopicContents;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the events topic of a real broker from the beginning, as an analytics consumer would. */
public final class CtiEventsTopic {

    private CtiEventsTopic() {
    }

    /** Waits up to {@code timeout} for a record matching {@code wanted} and returns every match seen. */
    static List<ConsumerRecord<String, CtiEvent>> await(String bootstrapServers, Predicate<CtiEvent> wanted,
            Duration timeout) {
        try (KafkaConsumer<String, CtiEvent> consumer = fromTheBeginning(bootstrapServers)) {
            List<ConsumerRecord<String, CtiEvent>> matches = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matches.isEmpty() && System.nanoTime() < deadline) {
                collect(consumer, wanted, matches);
            }
            return matches;
        }
    }

    /** Every record matching {@code wanted} from the beginning of the topic to its end as of now. */
    public static List<ConsumerRecord<String, CtiEvent>> readToEnd(String bootstrapServers, Predicate<CtiEvent> wanted) {
        return TopicContents.read(bootstrapServers, Topics.CTI_EVENTS, new StringDeserializer(),
                AvroSerde.of(CtiEvent.class).deserializer()).stream().filter(record -> wanted.test(record.value())).toList();
    }

    private static KafkaConsumer<String, CtiEvent> fromTheBeginning(String bootstrapServers) {
        KafkaConsumer<String, CtiEvent> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringDeserializer(), AvroSerde.of(CtiEvent.class).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CTI_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static void collect(KafkaConsumer<String, CtiEvent> consumer, Predicate<CtiEvent> wanted,
            List<ConsumerRecord<String, CtiEvent>> matches) {
        for (ConsumerRecord<String, CtiEvent> record : consumer.poll(Duration.ofMillis(200))) {
            if (wanted.test(record.value())) {
                matches.add(record);
            }
        }
    }
}
