package io.callstream.sites.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.callstream.schema.AvroSerde;
import io.callstream.schema.SiteConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the sites topic from its beginning into the {@link SiteStore}, on its own thread. Reads
 * committed records only, so a write the lease holder aborted is never seen. Tells the caller once
 * it has read everything that was committed when it started; after that, changes arrive within the
 * poll interval.
 */
final class SiteStoreReplicator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SiteStoreReplicator.class);

    private final SiteStore store;
    private final String topic;
    private final TopicPartition partition;
    private final Map<String, Object> consumerSettings;
    private final Duration pollInterval;
    private final Runnable onCaughtUp;
    private final Runnable createTopic;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, SiteConfig> consumer;

    /**
     * @param consumerSettings must include {@code isolation.level=read_committed} and
     *                         {@code allow.auto.create.topics=false}: the topic must be compacted,
     *                         which an auto-created one is not
     * @param createTopic      creates the sites topic if it is missing (idempotent)
     */
    SiteStoreReplicator(SiteStore store, String topic, Map<String, Object> consumerSettings, Duration pollInterval,
            Runnable onCaughtUp, Runnable createTopic) {
        this.store = store;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.consumerSettings = consumerSettings;
        this.pollInterval = pollInterval;
        this.onCaughtUp = onCaughtUp;
        this.createTopic = createTopic;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, SiteConfig> sitesConsumer = new KafkaConsumer<>(consumerSettings,
                new StringDeserializer(), AvroSerde.of(SiteConfig.class).deserializer())) {
            consumer = sitesConsumer;
            if (!running) {
                return;
            }
            awaitSinglePartitionTopic(sitesConsumer);
            if (!running) {
                return;
            }
            sitesConsumer.assign(List.of(partition));
            sitesConsumer.seekToBeginning(List.of(partition));
            long committedAtStart = sitesConsumer.endOffsets(List.of(partition)).get(partition);
            boolean caughtUp = false;
            while (running) {
                pollOnce(sitesConsumer);
                long position = sitesConsumer.position(partition);
                store.advanceTo(position);
                if (!caughtUp && position >= committedAtStart) {
                    caughtUp = true;
                    log.info("Read {} site record(s) from {}; following changes", position, topic);
                    onCaughtUp.run();
                }
            }
        } catch (WakeupException stopping) {
            if (running) {
                throw stopping;
            }
        } catch (RuntimeException e) {
            log.error("The sites replicator stopped: PBX answers no longer follow rule changes", e);
            throw e;
        }
    }

    /** Ends {@link #run()} from another thread. */
    void stop() {
        running = false;
        KafkaConsumer<String, SiteConfig> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void pollOnce(KafkaConsumer<String, SiteConfig> sitesConsumer) {
        try {
            for (ConsumerRecord<String, SiteConfig> record : sitesConsumer.poll(pollInterval)) {
                store.apply(record.key(), record.value());
            }
        } catch (RecordDeserializationException corrupt) {
            // A record no version of SiteConfig can read must not freeze the rules of every site.
            log.error("Skipping unreadable record {} of {}: {}", corrupt.offset(), corrupt.topicPartition(),
                    corrupt.getMessage());
            sitesConsumer.seek(corrupt.topicPartition(), corrupt.offset() + 1);
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis() * 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void awaitSinglePartitionTopic(KafkaConsumer<String, SiteConfig> sitesConsumer) {
        while (running) {
            List<PartitionInfo> partitions;
            try {
                partitions = sitesConsumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (partitions.isEmpty()) {
                    createTopic.run();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException notYet) {
                log.warn("Waiting for {}: {}", topic, notYet.toString());
                pause();
                continue;
            }
            if (partitions.size() == 1) {
                return;
            }
            if (partitions.size() > 1) {
                throw new IllegalStateException(topic + " has " + partitions.size()
                        + " partitions; it must have exactly one, so that all sites share one order");
            }
            pause();
        }
    }
}
