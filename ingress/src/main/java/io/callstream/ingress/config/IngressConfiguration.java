package io.callstream.ingress.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.callstream.ingress.observability.KafkaHealthIndicator;
import io.callstream.schema.Topics;
import io.callstream.web.server.HttpServerConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires the edge. Imported by {@code IngressApplication} and by the all-in-one launcher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngressProperties.class)
@Import({HttpServerConfiguration.class, CtiEndpointConfiguration.class, SiteStoreConfiguration.class,
        AdminApiConfiguration.class})
public class IngressConfiguration {

    private static final Duration KAFKA_CHECK_INTERVAL = Duration.ofSeconds(1);

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
    KafkaHealthIndicator kafkaHealthIndicator(Admin ingressKafkaAdmin, IngressProperties properties) {
        return new KafkaHealthIndicator(ingressKafkaAdmin, List.of(Topics.CTI_EVENTS, Topics.SITES),
                properties.publishTimeout(), KAFKA_CHECK_INTERVAL);
    }
}
