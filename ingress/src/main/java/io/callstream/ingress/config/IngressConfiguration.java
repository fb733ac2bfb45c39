package io.callstream.ingress.config;

import java.time.Clock;
import java.util.List;

import io.callstream.ingress.observability.KafkaHealthIndicator;
import io.callstream.schema.Topics;
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
@Import({CtiEndpointConfiguration.class, SiteStoreConfiguration.class, AdminApiConfiguration.class})
public class IngressConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Admin ingressKafkaAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin ingressKafkaAdmin, IngressProperties properties) {
        return new KafkaHealthIndicator(ingressKafkaAdmin, List.of(Topics.CTI_EVENTS, Topics.SITES),
                properties.publishTimeout());
    }
}
