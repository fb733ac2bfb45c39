package io.callstream.ingress.config;

import java.time.Clock;
import java.util.Optional;

import io.callstream.ingress.cti.CtiHandler;
import io.callstream.ingress.cti.CtiReplies;
import io.callstream.ingress.cti.CtiRequestReader;
import io.callstream.ingress.cti.SiteTokenGuard;
import io.callstream.ingress.observability.CtiMetrics;
import io.callstream.ingress.observability.TokenMaskingAccessLog;
import io.callstream.ingress.publish.CtiEventPublisher;
import io.callstream.ingress.publish.ProducerWarmup;
import io.callstream.ingress.request.CtiRequestParser;
import io.callstream.ingress.request.JsonBody;
import io.callstream.sites.Sites;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

/** The PBX endpoint: its guard, handler, and the producer behind it; its routes are in the edge's router. */
@Configuration(proxyBeanMethods = false)
class CtiEndpointConfiguration {

    @Bean
    NewTopic ctiEventsTopic(IngressProperties properties) {
        IngressProperties.EventsTopic topic = properties.eventsTopic();
        return new NewTopic(Topics.CTI_EVENTS, Optional.of(topic.partitions()),
                Optional.ofNullable(topic.replicationFactor()));
    }

    @Bean
    ProducerFactory<String, CtiEvent> ctiEventProducerFactory(KafkaProperties kafka, IngressProperties properties) {
        return new DefaultKafkaProducerFactory<>(
                CtiProducerSettings.of(kafka.buildProducerProperties(), properties.publishTimeout()),
                new StringSerializer(), AvroSerde.of(CtiEvent.class).serializer());
    }

    @Bean
    KafkaTemplate<String, CtiEvent> ctiEventTemplate(ProducerFactory<String, CtiEvent> ctiEventProducerFactory) {
        KafkaTemplate<String, CtiEvent> template = new KafkaTemplate<>(ctiEventProducerFactory);
        // The handler logs a failed publish once, without the payload: callers' numbers stay out of the logs.
        template.setProducerListener(new ProducerListener<>() {
        });
        return template;
    }

    @Bean(destroyMethod = "dispose")
    Scheduler ctiSendScheduler() {
        return Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
                Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "cti-send");
    }

    @Bean
    CtiEventPublisher ctiEventPublisher(KafkaTemplate<String, CtiEvent> ctiEventTemplate,
            IngressProperties properties, Scheduler ctiSendScheduler, MeterRegistry meters) {
        return new CtiEventPublisher(ctiEventTemplate, properties.publishTimeout(), ctiSendScheduler, meters);
    }

    @Bean
    ProducerWarmup ctiProducerWarmup(KafkaTemplate<String, CtiEvent> ctiEventTemplate, Scheduler ctiSendScheduler,
            KafkaAdmin kafkaAdmin, NewTopic ctiEventsTopic, IngressProperties properties) {
        return new ProducerWarmup(ctiEventTemplate, ctiSendScheduler,
                () -> kafkaAdmin.createOrModifyTopics(ctiEventsTopic), properties.publishTimeout().multipliedBy(5));
    }

    @Bean
    CtiReplies ctiReplies(ObjectMapper mapper) {
        return new CtiReplies(mapper);
    }

    @Bean
    CtiMetrics ctiMetrics(MeterRegistry meters) {
        return new CtiMetrics(meters);
    }

    @Bean
    SiteTokenGuard siteTokenGuard(Sites sites, CtiReplies ctiReplies, CtiMetrics ctiMetrics) {
        return new SiteTokenGuard(sites, ctiReplies, ctiMetrics);
    }

    @Bean
    CtiHandler ctiHandler(CtiEventPublisher publisher, IngressProperties properties, ObjectMapper mapper,
            CtiReplies ctiReplies, CtiMetrics ctiMetrics, Clock clock) {
        CtiRequestReader reader = new CtiRequestReader(
                Math.toIntExact(properties.maxBodySize().toBytes()), new JsonBody(mapper));
        return new CtiHandler(reader, new CtiRequestParser(), publisher, ctiReplies, ctiMetrics, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "callstream.ingress.access-log", havingValue = "true")
    TokenMaskingAccessLog tokenMaskingAccessLog() {
        return new TokenMaskingAccessLog();
    }
}
