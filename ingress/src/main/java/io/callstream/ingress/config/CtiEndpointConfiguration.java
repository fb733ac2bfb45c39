package io.callstream.ingress.config;

import java.time.Clock;
import java.time.Duration;

import io.callstream.ingress.cti.CtiHandler;
import io.callstream.ingress.cti.CtiReplies;
import io.callstream.ingress.cti.CtiRequestReader;
import io.callstream.ingress.cti.SiteTokenGuard;
import io.callstream.ingress.eventstopic.EventsTopicSetup;
import io.callstream.ingress.eventstopic.EventsTopicStartupCheck;
import io.callstream.ingress.observability.CtiMetrics;
import io.callstream.ingress.observability.TokenMaskingAccessLog;
import io.callstream.ingress.publish.CtiEventPublisher;
import io.callstream.ingress.publish.ProducerWarmup;
import io.callstream.ingress.publish.StoreAndForward;
import io.callstream.ingress.spool.EventSpool;
import io.callstream.ingress.spool.SpoolDrainer;
import io.callstream.ingress.spool.SpoolHealthIndicator;
import io.callstream.ingress.spool.SpoolMetrics;
import io.callstream.ingress.request.CtiRequestParser;
import io.callstream.ingress.request.JsonBody;
import io.callstream.sites.Sites;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

/** The PBX endpoint: its guard, handler, and the producer behind it; its routes are in the edge's router. */
@Configuration(proxyBeanMethods = false)
class CtiEndpointConfiguration {

    private static final Duration SPOOL_SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EVENTS_TOPIC_CHECK_PATIENCE = Duration.ofSeconds(5);

    /** Not a {@link NewTopic} bean: Spring's {@code KafkaAdmin} would raise an existing topic's partition count to it. */
    @Bean
    EventsTopicSetup eventsTopicSetup(Admin ingressKafkaAdmin, IngressProperties properties, TopicNames topics) {
        return new EventsTopicSetup(ingressKafkaAdmin, properties.eventsTopic().definition(topics.ctiEvents()));
    }

    @Bean
    EventsTopicStartupCheck eventsTopicStartupCheck(EventsTopicSetup eventsTopicSetup) {
        return new EventsTopicStartupCheck(eventsTopicSetup, EVENTS_TOPIC_CHECK_PATIENCE);
    }

    @Bean
    ProducerFactory<String, CtiEvent> ctiEventProducerFactory(KafkaProperties kafka, IngressProperties properties,
            MeterRegistry meters) {
        DefaultKafkaProducerFactory<String, CtiEvent> factory = new DefaultKafkaProducerFactory<>(
                CtiProducerSettings.of(kafka.buildProducerProperties(), properties.publishTimeout()),
                new StringSerializer(), AvroSerde.of(CtiEvent.class).serializer());
        // kafka_producer_* in Prometheus, as Spring Boot does for the factories it creates itself.
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
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
            IngressProperties properties, Scheduler ctiSendScheduler, EventsTopicSetup eventsTopicSetup,
            MeterRegistry meters) {
        return new CtiEventPublisher(ctiEventTemplate, eventsTopicSetup, properties.handoverAfter(), ctiSendScheduler,
                meters);
    }

    @Bean(destroyMethod = "close")
    EventSpool ctiEventSpool(IngressProperties properties, Clock clock, MeterRegistry meters) {
        EventSpool spool = EventSpool.open(properties.spool().directory(), properties.spool().maxSize().toBytes(), clock);
        SpoolMetrics.register(spool, meters);
        return spool;
    }

    /** Closed before the spool, as beans are destroyed in reverse order of creation. */
    @Bean(destroyMethod = "close")
    SpoolDrainer ctiSpoolDrainer(EventSpool ctiEventSpool, KafkaProperties kafka, EventsTopicSetup eventsTopicSetup,
            MeterRegistry meters) {
        Producer<String, byte[]> producer = new KafkaProducer<>(CtiProducerSettings.forSpool(kafka.buildProducerProperties()),
                new StringSerializer(), new ByteArraySerializer());
        return new SpoolDrainer(ctiEventSpool, producer, eventsTopicSetup, SPOOL_SEND_TIMEOUT, meters).start();
    }

    @Bean
    SpoolHealthIndicator spoolHealthIndicator(EventSpool ctiEventSpool, IngressProperties properties) {
        // An event is at most the largest body plus its key and what the edge adds.
        return new SpoolHealthIndicator(ctiEventSpool, 2 * properties.maxBodySize().toBytes());
    }

    @Bean
    StoreAndForward storeAndForward(CtiEventPublisher ctiEventPublisher, EventSpool ctiEventSpool,
            IngressProperties properties) {
        return new StoreAndForward(ctiEventPublisher, ctiEventSpool, properties.publishTimeout());
    }

    @Bean
    ProducerWarmup ctiProducerWarmup(KafkaTemplate<String, CtiEvent> ctiEventTemplate, Scheduler ctiSendScheduler,
            EventsTopicSetup eventsTopicSetup, IngressProperties properties) {
        return new ProducerWarmup(ctiEventTemplate, ctiSendScheduler, eventsTopicSetup,
                properties.publishTimeout().multipliedBy(5));
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
    CtiHandler ctiHandler(StoreAndForward publisher, IngressProperties properties, ObjectMapper mapper,
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
