package io.callstream.sites.store;

import java.util.Map;
import java.util.Optional;

import io.callstream.schema.Topics;
import org.apache.kafka.clients.admin.NewTopic;
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
}
