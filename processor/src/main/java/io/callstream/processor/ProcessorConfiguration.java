package io.callstream.processor;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.callstream.processor.config.ProcessorProperties;
import io.callstream.processor.config.ProcessorStreams;
import io.callstream.processor.config.ProcessorStreamsHealthIndicator;
import io.callstream.processor.contacts.ContactImport;
import io.callstream.processor.forwarding.ForwardingConfiguration;
import io.callstream.processor.contacts.ContactRoutes;
import io.callstream.processor.contacts.ContactWriter;
import io.callstream.processor.contacts.ContactsHandler;
import io.callstream.processor.query.CallCommands;
import io.callstream.processor.query.CallQueries;
import io.callstream.processor.query.CallQueryHandler;
import io.callstream.processor.query.CallRoutes;
import io.callstream.processor.query.LocalCallStores;
import io.callstream.processor.live.LiveFeed;
import io.callstream.processor.live.LiveHandler;
import io.callstream.processor.live.LiveRoutes;
import io.callstream.processor.query.PeerClient;
import io.callstream.processor.schemas.PublishedSchemas;
import io.callstream.processor.schemas.SchemasHandler;
import io.callstream.processor.schemas.SchemasRoutes;
import io.callstream.processor.sites.ProcessorSites;
import io.callstream.processor.stats.api.LocalStats;
import io.callstream.processor.stats.api.StatsHandler;
import io.callstream.processor.stats.api.StatsQueries;
import io.callstream.processor.stats.api.StatsRoutes;
import io.callstream.processor.topology.ProcessorTopology;
import io.callstream.processor.wallboard.WallboardAssets;
import io.callstream.processor.wallboard.WallboardRoutes;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallCommand;
import io.callstream.schema.Contact;
import io.callstream.schema.TopicNames;
import io.callstream.sites.store.SitesTopic;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.BearerTokenGuard;
import io.callstream.web.api.Guard;
import io.callstream.web.api.ProblemMapping;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Wires the processor. An auto-configuration: any application with the processor on its classpath
 * runs it (the processor alone, the all-in-one launcher) unless {@code callstream.processor.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "callstream.processor.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ProcessorProperties.class)
@Import({ProcessorTopologiesConfiguration.class, ForwardingConfiguration.class})
public class ProcessorConfiguration {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    /** Live streams an instance serves at once (each has a consumer and a thread); more wait for one to end. */
    private static final int LIVE_STREAMS = 64;

    /** Shared with the edge in the launcher: one prefix per deployment. */
    @Bean
    @ConditionalOnMissingBean
    TopicNames topicNames(@Value("${callstream.topic-prefix:}") String prefix) {
        return new TopicNames(prefix);
    }

    @Bean
    ProcessorStreams processorStreams(List<ProcessorTopology> topologies, ProcessorProperties properties,
            KafkaProperties kafka, KafkaAdmin kafkaAdmin, Environment environment, TopicNames topics,
            MeterRegistry meters) {
        return new ProcessorStreams(topologies, properties, kafka::buildStreamsProperties,
                kafka.buildProducerProperties(), kafkaAdmin.getConfigurationProperties(), environment, topics, meters);
    }

    /** Health component {@code streams}, part of readiness. */
    @Bean
    ProcessorStreamsHealthIndicator streamsHealthIndicator(ProcessorStreams processorStreams) {
        return new ProcessorStreamsHealthIndicator(processorStreams);
    }

    @Bean(destroyMethod = "dispose")
    Scheduler processorBlockingScheduler() {
        return Schedulers.newBoundedElastic(8, 10_000, "processor-io");
    }

    /** The processor's copy of the sites topic: the forwarder's targets, the contacts' country codes. */
    @Bean
    ProcessorSites processorSites(KafkaProperties kafka, TopicNames topics) {
        return new ProcessorSites(topics.sites(), SitesTopic.replicaSettings(kafka.buildConsumerProperties(),
                "callstream-processor-sites-" + UUID.randomUUID()));
    }

    @Bean
    LocalCallStores localCallStores(ProcessorStreams processorStreams) {
        return new LocalCallStores(processorStreams::streams);
    }

    @Bean
    CallQueries callQueries(LocalCallStores localCallStores, ProcessorStreams processorStreams,
            WebClient.Builder webClients, Scheduler processorBlockingScheduler) {
        return new CallQueries(localCallStores, new PeerClient(webClients, PEER_TIMEOUT),
                processorStreams::applicationServer, processorBlockingScheduler);
    }

    @Bean
    @ConditionalOnProperty(name = ProcessorTopologiesConfiguration.STATISTICS_SWITCH, havingValue = "true",
            matchIfMissing = true)
    StatsHandler statsHandler(ProcessorStreams processorStreams, CallQueries callQueries, WebClient.Builder webClients,
            Scheduler processorBlockingScheduler, Clock clock) {
        return new StatsHandler(new StatsQueries(new LocalStats(processorStreams::streams), processorStreams::streams,
                new PeerClient(webClients, PEER_TIMEOUT), processorStreams::applicationServer, callQueries,
                processorBlockingScheduler, clock));
    }

    @Bean(destroyMethod = "dispose")
    Scheduler livePollers() {
        return Schedulers.newBoundedElastic(LIVE_STREAMS, LIVE_STREAMS, "live");
    }

    @Bean
    LiveHandler liveHandler(KafkaProperties kafka, TopicNames topics, Scheduler livePollers) {
        return new LiveHandler(new LiveFeed(kafka.buildConsumerProperties(), topics, livePollers));
    }

    @Bean
    SchemasHandler schemasHandler() {
        return new SchemasHandler(PublishedSchemas.fromClasspath());
    }

    @Bean
    WallboardAssets wallboardAssets() {
        return WallboardAssets.fromClasspath();
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<String, CallCommand> callCommandProducer(KafkaProperties kafka) {
        return new KafkaProducer<>(reliable(kafka.buildProducerProperties(), "callstream-call-commands"),
                new StringSerializer(), AvroSerde.of(CallCommand.class).serializer());
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<String, Contact> contactProducer(KafkaProperties kafka) {
        return new KafkaProducer<>(reliable(kafka.buildProducerProperties(), "callstream-contacts"),
                new StringSerializer(), AvroSerde.of(Contact.class).serializer());
    }

    @Bean
    CallQueryHandler callQueryHandler(CallQueries callQueries, KafkaProducer<String, CallCommand> callCommandProducer,
            TopicNames topics, Clock clock, Scheduler processorBlockingScheduler) {
        return new CallQueryHandler(callQueries, new CallCommands(callCommandProducer, topics.callCommands(), clock,
                WRITE_TIMEOUT),
                processorBlockingScheduler);
    }

    @Bean
    ContactsHandler contactsHandler(KafkaProducer<String, Contact> contactProducer, LocalCallStores localCallStores,
            ProcessorSites processorSites, ProcessorProperties properties, TopicNames topics,
            Scheduler processorBlockingScheduler) {
        ContactWriter writer = new ContactWriter(contactProducer, topics.contacts(), WRITE_TIMEOUT);
        return new ContactsHandler(writer, new ContactImport(writer, properties.contactsImportMaxSize().toBytes()),
                localCallStores, processorSites::site, processorBlockingScheduler);
    }

    /** The processor's one router, every route behind the API token but the wallboard's page; before the edge's in an all-in-one application. */
    @Bean
    @Order(-10)
    ApiRoutes processorRoutes(CallQueryHandler callQueryHandler, ContactsHandler contactsHandler,
            ObjectProvider<StatsHandler> statsHandler, SchemasHandler schemasHandler, LiveHandler liveHandler,
            WallboardAssets wallboardAssets, ProcessorProperties properties) {
        ProblemMapping problems = ContactRoutes.problems(CallRoutes.problems(ProblemMapping.builder())).build();
        ApiRoutes.Builder routes = ApiRoutes.builder(problems)
                .enforce(Guard.API_TOKEN, new BearerTokenGuard("API token", "callstream", properties.apiToken()));
        CallRoutes.addTo(routes, callQueryHandler);
        ContactRoutes.addTo(routes, contactsHandler);
        statsHandler.ifAvailable(stats -> StatsRoutes.addTo(routes, stats));
        SchemasRoutes.addTo(routes, schemasHandler);
        LiveRoutes.addTo(routes, liveHandler);
        WallboardRoutes.addTo(routes, wallboardAssets);
        return routes.build();
    }

    private static Map<String, Object> reliable(Map<String, Object> springSettings, String clientId) {
        Map<String, Object> settings = new HashMap<>(springSettings);
        // A 202 or 200 means the command or contact is durably in Kafka.
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }
}
