package io.callstream.processor.errors;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records the processor could not handle to {@link Topics#DEAD_LETTERS}, unchanged, with
 * headers saying where they came from and what went wrong. Waits for the broker's acknowledgement,
 * so a record is skipped only once it is safe in the dead-letter topic (outside the processing
 * transaction: a retried task may write a record there twice).
 */
public final class DeadLetters implements AutoCloseable {

    /** Key under which the Streams settings hand this object to the exception handlers. */
    public static final String SETTINGS_KEY = "callstream.dead-letters";
    private static final String HEADER = "callstream.dlq.";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final Counter sent;
    private final String deadLetterTopic;

    /**
     * @param deadLetterTopic the dead-letter topic's name in this deployment
     * @param source          who sends dead letters through this instance ({@code streams}, {@code forwarder}), for the metric
     */
    public DeadLetters(Map<String, Object> producerSettings, String deadLetterTopic, MeterRegistry meters, String source) {
        this.deadLetterTopic = deadLetterTopic;
        this.sent = Counter.builder("callstream.processor.dead.letters")
                .description("Records the processor could not handle, sent to the dead-letter topic")
                .tag("source", source)
                .register(meters);
        Map<String, Object> settings = new java.util.HashMap<>(producerSettings);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "callstream-dead-letters");
        this.producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static DeadLetters from(Map<String, ?> streamsSettings) {
        Object deadLetters = streamsSettings.get(SETTINGS_KEY);
        if (!(deadLetters instanceof DeadLetters)) {
            throw new IllegalStateException("the Streams settings carry no " + SETTINGS_KEY);
        }
        return (DeadLetters) deadLetters;
    }

    public void send(String topic, int partition, long offset, byte[] key, byte[] value, Exception failure, String processor) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "topic", topic);
        header(headers, "partition", String.valueOf(partition));
        header(headers, "offset", String.valueOf(offset));
        header(headers, "exception", failure.getClass().getName());
        header(headers, "message", String.valueOf(failure.getMessage()));
        header(headers, "processor", String.valueOf(processor));
        try {
            producer.send(new ProducerRecord<>(deadLetterTopic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
            log.warn("Record {}-{}@{} sent to {}: {}", topic, partition, offset, deadLetterTopic, failure.toString());
            sent.increment();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + deadLetterTopic + ", so cannot skip record "
                    + topic + "-" + partition + "@" + offset, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(HEADER + name, value.getBytes(StandardCharsets.UTF_8));
    }
}
