package io.callstream.standalone;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.callstream.schema.AvroSerde;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the events topic from the beginning, one line per event ({@code key value-as-JSON}), and
 * stops at its end unless asked to follow. Reads without a consumer group, so it changes nothing.
 */
final class EventsCommand {

    private static final Duration POLL = Duration.ofMillis(500);

    private EventsCommand() {
    }

    static int run(String bootstrapServers, boolean follow, PrintStream out) {
        return run(bootstrapServers, Topics.CTI_EVENTS, follow, out);
    }

    /** @param topic the events topic's name in this deployment (behind its prefix) */
    static int run(String bootstrapServers, String topic, boolean follow, PrintStream out) {
        quietKafkaClientLogs();
        try (KafkaConsumer<String, CtiEvent> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrapServers, "client.id", "callstream-events-command",
                        // Reading must never create the events topic (with the broker's defaults) on a fresh cluster.
                        "allow.auto.create.topics", false),
                new StringDeserializer(), AvroSerde.of(CtiEvent.class).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                System.err.println("There is no topic " + topic + " at " + bootstrapServers + " yet: callstream creates it"
                        + " when it first starts (with a topic prefix, set the same CALLSTREAM_TOPIC_PREFIX here).");
                return 1;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int printed = 0;
            while (follow || !reached(consumer, end)) {
                for (ConsumerRecord<String, CtiEvent> record : consumer.poll(POLL)) {
                    out.println(record.key() + " " + record.value());
                    printed++;
                }
            }
            out.flush();
            System.err.printf("%d event(s) on %s%n", printed, topic);
            return 0;
        } catch (TimeoutException e) {
            System.err.println("Kafka at " + bootstrapServers + " did not answer: is callstream running?");
            return 1;
        }
    }

    /** Outside Spring, Logback would print every client log line at DEBUG; only warnings matter here. */
    private static void quietKafkaClientLogs() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }
}
