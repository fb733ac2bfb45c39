package io.callstream.ingress.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.callstream.ingress.observability.KafkaHealthIndicator;
import io.callstream.schema.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the edge. An auto-configuration: any application with the edge on its classpath runs it
 * (the edge alone, the all-in-one launcher) unless {@code callstream.ingress.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "callstream.ingress.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(IngressProperties.class)
@Import({CtiEndpointConfiguration.class, SiteStoreConfiguration.class, AdminApiConfiguration.class,
        EdgeRoutesConfiguration.class})
public class IngressConfiguration {

    private static final Duration KAFKA_CHECK_INTERVAL = Duration.ofSeconds(1);

    /** Shared with the processor in the launcher: one prefix per deployment. */
    @Bean
    @ConditionalOnMissingBean
    TopicNames topicNames(@Value("${callstream.topic-prefix:}") String prefix) {
        return new TopicNames(prefix);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Admin ingressKafkaAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** Closed before the admin client it uses, as beans are destroyed in reverse order of creation. */
    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(Admin ingressKafkaAdmin, IngressProperties properties, TopicNames topics) {
        return new KafkaHealthIndicator(ingressKafkaAdmin, List.of(topics.ctiEvents(), topics.sites()),
                properties.publishTimeout(), KAFKA_CHECK_INTERVAL);
    }
}
