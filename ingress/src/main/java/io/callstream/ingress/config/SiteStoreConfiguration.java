package io.callstream.ingress.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.callstream.ingress.observability.SitesHealthIndicator;
import io.callstream.sites.store.SiteStore;
import io.callstream.sites.store.SiteStoreLifecycle;
import io.callstream.sites.store.SiteWriter;
import io.callstream.sites.store.SitesTopic;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The sites every PBX answer depends on: replicated from Kafka into memory, changed through Kafka. */
@Configuration(proxyBeanMethods = false)
class SiteStoreConfiguration {

    @Bean
    NewTopic sitesTopic(IngressProperties properties, TopicNames topics) {
        return SitesTopic.definition(topics.sites(), properties.sitesTopic().replicationFactor(),
                Math.toIntExact(properties.sitesTopic().maxRecordSize().toBytes()));
    }

    @Bean
    SiteStore siteStore() {
        return new SiteStore();
    }

    @Bean
    SiteWriter siteWriter(KafkaProperties kafka, IngressProperties properties, Admin ingressKafkaAdmin, SiteStore siteStore,
            TopicNames topics, Clock clock) {
        Map<String, Object> settings = writerSettings(kafka.buildProducerProperties(), properties.sitesTopic());
        return new SiteWriter(
                () -> new KafkaProducer<>(settings, new StringSerializer(), AvroSerde.of(SiteConfig.class).serializer()),
                ingressKafkaAdmin, siteStore, properties.sitesTopic().writeTimeout(), topics.sites(),
                Math.toIntExact(properties.sitesTopic().maxRecordSize().toBytes()), clock);
    }

    @Bean
    SiteStoreLifecycle siteStoreLifecycle(SiteStore siteStore, SiteWriter siteWriter, KafkaProperties kafka,
            IngressProperties properties, KafkaAdmin kafkaAdmin, NewTopic sitesTopic, Clock clock) {
        return new SiteStoreLifecycle(siteStore, siteWriter, SiteSeeds.of(properties.sites(), clock), sitesTopic.name(),
                SitesTopic.replicaSettings(kafka.buildConsumerProperties(), "callstream-sites-replicator-" + UUID.randomUUID()),
                properties.sitesTopic().pollInterval(),
                () -> kafkaAdmin.createOrModifyTopics(sitesTopic));
    }

    @Bean
    SitesHealthIndicator sitesHealthIndicator(SiteStore siteStore) {
        return new SitesHealthIndicator(siteStore);
    }

    private static Map<String, Object> writerSettings(Map<String, Object> springSettings,
            IngressProperties.SitesTopic sitesTopic) {
        Map<String, Object> settings = new HashMap<>(springSettings);
        // Shared by every edge instance: whoever initialised it last holds the writer lease.
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, sitesTopic.writerId());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Whole sites are written at once; large block lists compress well.
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        int maxRecordBytes = Math.toIntExact(sitesTopic.maxRecordSize().toBytes());
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * 1024 * 1024, 2L * maxRecordBytes));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) sitesTopic.writeTimeout().toMillis());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "callstream-sites-writer-" + UUID.randomUUID());
        return settings;
    }
}
