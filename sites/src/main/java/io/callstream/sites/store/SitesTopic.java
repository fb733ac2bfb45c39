package io.callstream.sites.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.callstream.schema.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How {@link Topics#SITES} is created, by whichever application finds it missing first (the edge, or
 * the processor that reads sites' settings): one partition, so every reader sees one order;
 * compacted, so the latest version of a site is the site. Its records are at most
 * {@code max.message.bytes}: 1 MiB unless the edge is configured otherwise, as managed Kafka
 * services allow it; a site with a very large block list needs more.
 */
public final class SitesTopic {

    /** The default largest site record: Kafka's own default, and what common managed services take. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
    /** Room kept for the record batch around a site's key and value. */
    public static final int BATCH_OVERHEAD_BYTES = 1024;
    /** What a reader fetches at most at once: the largest site any deployment may have configured. */
    private static final int MAX_FETCH_BYTES = 64 * 1024 * 1024;

    private SitesTopic() {
    }

    /**
     * @param topic             the topic's name in this deployment ({@link io.callstream.schema.TopicNames#sites()})
     * @param replicationFactor null for the broker's default
     * @param maxRecordBytes    the topic's {@code max.message.bytes}
     */
    public static NewTopic definition(String topic, Short replicationFactor, int maxRecordBytes) {
        return new NewTopic(topic, Optional.of(1), Optional.ofNullable(replicationFactor))
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes)));
    }

    /**
     * The settings of a consumer that copies the whole topic into a {@link SiteStore}, from an
     * application's consumer settings.
     *
     * @param clientId names the copy in the broker's logs and metrics
     */
    public static Map<String, Object> replicaSettings(Map<String, Object> consumerSettings, String clientId) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        // Every instance reads every site itself: no consumer group, no committed offsets.
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A change the writer aborted (it lost the lease) must never be applied.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // An auto-created topic would not be compacted; the applications create it properly instead.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_FETCH_BYTES);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }
}
