package io.callstream.processor.forwarding;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.callstream.processor.config.ProcessorProperties;
import io.callstream.processor.errors.DeadLetters;
import io.callstream.schema.TopicNames;
import io.callstream.processor.sites.ProcessorSites;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forwarder, part of every processor instance unless {@code callstream.processor.forwarding-enabled=false}.
 * It reads the sites from the processor's copy of the sites topic ({@link ProcessorSites}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ForwardingConfiguration.SWITCH, havingValue = "true", matchIfMissing = true)
public class ForwardingConfiguration {

    public static final String SWITCH = "callstream.processor.forwarding-enabled";
    private static final Duration ZAMMAD_TIMEOUT = Duration.ofSeconds(5);
    private static final int POSTING_THREADS = 4;

    @Bean
    ForwarderLifecycle forwarderLifecycle(KafkaProperties kafka, ProcessorProperties properties, ProcessorSites sites,
            TopicNames topics, ObjectProvider<MeterRegistry> meterRegistry, Clock clock) {
        String instance = UUID.randomUUID().toString();
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "callstream-forwarder-dead-letters-" + instance);
        MeterRegistry meters = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
        DeadLetters deadLetters = new DeadLetters(producer, topics.deadLetters(), meters, "forwarder");
        Forwarder forwarder = new Forwarder(consumerSettings(kafka.buildConsumerProperties(), properties, instance), topics, sites,
                new ZammadClient(ZAMMAD_TIMEOUT), deadLetters, ForwardingMeters.in(meters), clock, POSTING_THREADS);
        return new ForwarderLifecycle(forwarder, deadLetters);
    }

    /** The processor instances of one deployment (one application id) share the work: each event is posted once. */
    private static Map<String, Object> consumerSettings(Map<String, Object> springSettings, ProcessorProperties properties,
            String instance) {
        Map<String, Object> settings = new HashMap<>(springSettings);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, properties.applicationId() + "-forwarder");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Forwarding starts with the events that arrive after it is first switched on, not with history.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "callstream-forwarder-" + instance);
        // The forwarder may subscribe before the processor or the edge has created the events topic; a broker that
        // creates topics on request would make it with its default partition count, which the edge then refuses.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return settings;
    }
}
