package io.callstream.ingress.cti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.callstream.ingress.eventstopic.EventsTopic;
import io.callstream.ingress.publish.CtiEventPublisher;
import io.callstream.ingress.publish.StoreAndForward;
import io.callstream.ingress.spool.EventSpool;
import io.callstream.ingress.request.CtiRequestParser;
import io.callstream.ingress.request.JsonBody;
import io.callstream.ingress.observability.CtiMetrics;
import io.callstream.sites.rules.RuleSet;
import io.callstream.sites.rules.SiteRules;
import io.callstream.sites.Site;
import io.callstream.sites.SiteCatalog;
import io.callstream.sites.TokenDigest;
import io.callstream.sites.Sites;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Topics;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import io.callstream.web.api.ProblemMapping;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's real router, handler, rules and Kafka template, publishing into Kafka's
 * {@link MockProducer} instead of a broker: what a *Test may start.
 */
final class TestEdge {

    static final String BERLIN_TOKEN = "berlin-3f9a7c1e5d2b4a68";
    static final String DISABLED_TOKEN = "paused-8b1d2e3f4a5c6d7e";
    static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123Z");
    static final Duration PUBLISH_TIMEOUT = Duration.ofMillis(600);
    static final Duration HANDOVER_AFTER = Duration.ofMillis(300);
    private static final long SPOOL_BYTES = 1024 * 1024;
    static final int MAX_BODY_BYTES = 64 * 1024;

    static final RuleSet BERLIN_RULES = new RuleSet(null,
            List.of("+49 171 5000000", "anonymous"),
            List.of(new RuleSet.RoutingRule("41*", "41715877777")),
            "4930777000");

    final MockProducer<String, CtiEvent> producer;
    final EventSpool spool;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final WebTestClient client;

    static final SiteCatalog CATALOG = SiteCatalog.of(Map.of(
            TokenDigest.of(BERLIN_TOKEN), new SiteCatalog.Entry(new Site("berlin", true), SiteRules.compile(BERLIN_RULES)),
            TokenDigest.of(DISABLED_TOKEN), new SiteCatalog.Entry(new Site("paused", false),
                    SiteRules.compile(RuleSet.none()))));

    private TestEdge(boolean kafkaAcknowledges, Sites sites, long spoolBytes) {
        this.producer = new ReusableMockProducer(kafkaAcknowledges);
        this.spool = EventSpool.open(temporaryDirectory(), spoolBytes, Clock.fixed(NOW, ZoneOffset.UTC));
        KafkaTemplate<String, CtiEvent> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
        JsonMapper mapper = JsonMapper.builder().build();
        CtiReplies replies = new CtiReplies(mapper);
        CtiMetrics metrics = new CtiMetrics(meters);
        CtiHandler handler = new CtiHandler(
                new CtiRequestReader(MAX_BODY_BYTES, new JsonBody(mapper)),
                new CtiRequestParser(),
                new StoreAndForward(new CtiEventPublisher(template, new ExistingTopic(Topics.CTI_EVENTS), HANDOVER_AFTER, Schedulers.boundedElastic(), meters),
                        spool, PUBLISH_TIMEOUT),
                replies,
                metrics,
                Clock.fixed(NOW, ZoneOffset.UTC));
        ApiRoutes.Builder routes = ApiRoutes.builder(ProblemMapping.builder().build())
                .enforce(Guard.SITE_TOKEN, new SiteTokenGuard(sites, replies, metrics));
        this.client = WebTestClient.bindToRouterFunction(CtiRoutes.addTo(routes, handler).build()).build();
    }

    static TestEdge withKafkaAcknowledging() {
        return new TestEdge(true, () -> CATALOG, SPOOL_BYTES);
    }

    static TestEdge withKafkaNeverAcknowledging() {
        return new TestEdge(false, () -> CATALOG, SPOOL_BYTES);
    }

    /** Kafka never acknowledges and the spool has no room left. */
    static TestEdge withNowhereToStore() {
        return new TestEdge(false, () -> CATALOG, 0);
    }

    static TestEdge beforeTheSitesAreLoaded() {
        return new TestEdge(true, SiteCatalog::notReady, SPOOL_BYTES);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("test-edge-spool");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ProducerRecord<String, CtiEvent>> published() {
        return producer.history();
    }

    CtiEvent onlyPublishedEvent() {
        List<ProducerRecord<String, CtiEvent>> records = published();
        if (records.size() != 1) {
            throw new AssertionError("expected exactly one published event, got " + records.size());
        }
        return records.get(0).value();
    }

    /** The events topic as a running edge has it: there already. */
    private record ExistingTopic(String name) implements EventsTopic {

        @Override
        public void ensureExists(Duration timeout) {
        }
    }

    /** KafkaTemplate closes its producer after each send; the factory's real producers ignore that, so must this one. */
    private static final class ReusableMockProducer extends MockProducer<String, CtiEvent> {

        ReusableMockProducer(boolean autoComplete) {
            super(autoComplete, null, new StringSerializer(), AvroSerde.of(CtiEvent.class).serializer());
        }

        @Override
        public void close(Duration timeout) {
        }

        @Override
        public void close() {
        }
    }
}
