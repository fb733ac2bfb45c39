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
 * compacted, so the latest version of a site is the site; room for a site with a large block list.
 */
public final class SitesTopic {

    /** A site with 200,000 block entries is a few MiB of Avro before compression. */
    public static final int MAX_SITE_RECORD_BYTES = 64 * 1024 * 1024;

    private SitesTopic() {
    }

    /** @param replicationFactor null for the broker's default */
    public static NewTopic definition(Short replicationFactor) {
        return new NewTopic(Topics.SITES, Optional.of(1), Optional.ofNullable(replicationFactor))
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_SITE_RECORD_BYTES)));
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
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_SITE_RECORD_BYTES);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }
}
