package io.callstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.callstream.ingress.IngressApplication;
import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.processor.ProcessorApplication;
import io.callstream.processor.forwarding.ForwarderLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Forwarding to a real Zammad, played by {@link StandInZammad}: calls posted to two edge instances
 * reach Zammad once each and in order per call, through a 30 s outage of Zammad without a loss, and
 * a site whose Zammad refuses its token holds up no other site.
 */
class ForwardingIT {

    private static final String ADMIN_TOKEN = "forwarding-it-admin-token";
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path state;

    private static final Map<String, String> siteTokens = new ConcurrentHashMap<>();

    private static StandInZammad zammad;
    private static ConfigurableApplicationContext firstEdge;
    private static ConfigurableApplicationContext secondEdge;
    private static ConfigurableApplicationContext processor;

    @BeforeAll
    static void start() throws Exception {
        zammad = StandInZammad.start();
        String kafka = SharedLocalKafka.broker().bootstrapServers();
        firstEdge = edge(kafka);
        secondEdge = edge(kafka);
        processor = new SpringApplicationBuilder(ProcessorApplication.class).properties("spring.config.name=processor")
                .run("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + kafka, "--callstream.ingress.enabled=false",
                        "--callstream.processor.application-id=forwarding-it-" + UUID.randomUUID(),
                        "--callstream.processor.state-directory=" + state, "--callstream.processor.advertised-host=127.0.0.1",
                        "--callstream.processor.api-token=forwarding-it-api-token",
                        "--callstream.processor.statistics-enabled=false");
        await().atMost(Duration.ofSeconds(60)).alias("the forwarder owns the events topic's partitions")
                .until(() -> processor.getBean(ForwarderLifecycle.class).forwarder().isFollowing());
    }

    @AfterAll
    static void stop() {
        processor.close();
        firstEdge.close();
        secondEdge.close();
        zammad.close();
    }

    @Test
    void shouldForwardEveryEventOnceInOrderPerCallFromTwoEdges() throws Exception {
        String site = forwardingSite(zammad.url(StandInZammad.TOKEN));
        int calls = 1_000;

        postCalls(site, "fw-", calls);

        Map<String, List<String>> byCall = await().atMost(Duration.ofSeconds(120))
                .until(() -> arrived("fw-"), arrived -> arrived.values().stream().mapToInt(List::size).sum() >= 3 * calls);
        assertThat(byCall).hasSize(calls);
        assertThat(byCall.values()).allSatisfy(events -> assertThat(events).containsExactly("newCall", "answer", "hangup"));
    }

    @Test
    void shouldLoseNothingWhileZammadIsAwayForThirtySecondsAndKeepTheOrder() throws Exception {
        String site = forwardingSite(zammad.url(StandInZammad.TOKEN));
        zammad.down();
        try {
            postCalls(site, "away-", 100);
            Thread.sleep(30_000);
        } finally {
            zammad.up();
        }

        Map<String, List<String>> byCall = await().atMost(Duration.ofSeconds(60))
                .until(() -> arrived("away-"), arrived -> arrived.values().stream().mapToInt(List::size).sum() >= 300);
        assertThat(byCall).hasSize(100);
        assertThat(byCall.values()).allSatisfy(events -> assertThat(events).containsExactly("newCall", "answer", "hangup"));
    }

    @Test
    void shouldNotHoldUpOneSiteBehindAnotherWhoseZammadRefusesItsToken() throws Exception {
        String refused = forwardingSite(zammad.url("not-the-token"));
        String accepted = forwardingSite(zammad.url(StandInZammad.TOKEN));

        postCalls(refused, "refused-", 20);
        postCalls(accepted, "accepted-", 20);

        Map<String, List<String>> byCall = await().atMost(Duration.ofSeconds(30))
                .until(() -> arrived("accepted-"), arrived -> arrived.values().stream().mapToInt(List::size).sum() >= 60);
        assertThat(byCall).hasSize(20);
        assertThat(arrived("refused-")).isEmpty();
        MeterRegistry meters = processor.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.counter("callstream.forwarding.parked", "site", refused).count())
                    .as("every event of the refused site parked on the dead-letter topic").isEqualTo(60);
            assertThat(meters.counter("callstream.forwarding.forwarded", "site", accepted).count()).isEqualTo(60);
            assertThat(meters.get("callstream.forwarding.lag.events").tag("site", accepted).gauge().value()).isZero();
        });
    }

    /** Not an assertion (timing belongs to benchmarks): how long after the edge's 200 Zammad has the event. */
    @Test
    void shouldPrintHowSoonZammadHasAnEventAfterTheEdgeAnswered() throws Exception {
        String site = forwardingSite(zammad.url(StandInZammad.TOKEN));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String callId = "paced-" + i;
            post(firstEdge, siteTokens.get(site), "event=newCall&callId=" + callId + "&direction=in&from=4930111&to=4940222");
            long answered = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> arrived(callId).containsKey(callId));
            delays.add((System.nanoTime() - answered) / 1_000_000);
            Thread.sleep(100);
        }
        delays.sort(null);
        System.out.printf("edge 200 -> Zammad has the event: p50 %d ms, p90 %d ms, max %d ms (30 calls, 10 per second)%n",
                delays.get(15), delays.get(27), delays.get(29));
        assertThat(delays).hasSize(30);
    }

    @Test
    void shouldShowTheTargetWithItsTokenMasked() throws Exception {
        String site = forwardingSite(zammad.url(StandInZammad.TOKEN));

        HttpResponse<String> shown = admin(firstEdge, "GET", "/" + site + "/forwarding", null);

        assertThat(shown.body()).doesNotContain(StandInZammad.TOKEN)
                .isEqualTo("{\"url\":\"http://127.0.0.1:" + zammad.port() + "/api/v1/cti/***\",\"enabled\":true}");
        assertThat(admin(firstEdge, "DELETE", "/" + site + "/forwarding", null).statusCode()).isEqualTo(204);
        assertThat(admin(secondEdge, "GET", "/" + site + "/forwarding", null).statusCode()).isEqualTo(404);
        assertThat(admin(firstEdge, "PUT", "/" + site + "/forwarding", "{\"url\":\"ftp://zammad\"}").body())
                .contains("\"field\":\"url\"");
    }

    /** Each call's events as Zammad received them, by call id, for the calls whose id starts with {@code prefix}. */
    private static Map<String, List<String>> arrived(String prefix) {
        return zammad.received().stream().filter(event -> event.callId().startsWith(prefix))
                .collect(Collectors.groupingBy(StandInZammad.Received::callId,
                        Collectors.mapping(StandInZammad.Received::event, Collectors.toList())));
    }

    /** Calls of three events each, every event through either edge, the calls eight at a time. */
    private static void postCalls(String site, String prefix, int calls) throws Exception {
        String token = siteTokens.get(site);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String callId = prefix + i;
                posted.add(clients.submit(() -> {
                    for (String event : List.of("newCall", "answer", "hangup")) {
                        post(Math.random() < 0.5 ? firstEdge : secondEdge, token, "event=" + event + "&callId=" + callId
                                + "&direction=in&from=4930111&to=4940222&user[]=Alice");
                    }
                    return null;
                }));
            }
            for (Future<?> call : posted) {
                call.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    private static void post(ConfigurableApplicationContext edge, String token, String form) throws Exception {
        assertThat(PbxPosts.post(base(edge), token, form).statusCode()).as(form).isEqualTo(200);
    }

    private static String forwardingSite(String url) throws Exception {
        String site = "fw-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin(firstEdge, "POST", "", "{\"id\":\"" + site + "\"}");
        Matcher token = TOKEN.matcher(created.body());
        assertThat(token.find()).as(created.body()).isTrue();
        siteTokens.put(site, token.group(1));
        assertThat(admin(firstEdge, "PUT", "/" + site + "/forwarding", "{\"url\":\"" + url + "\"}").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).alias("the forwarder's copy of the sites and the other edge have it")
                .until(() -> processor.getBean(ForwarderLifecycle.class).forwarder().forwards(site)
                        && admin(secondEdge, "GET", "/" + site + "/forwarding", null).statusCode() == 200);
        return site;
    }

    private static HttpResponse<String> admin(ConfigurableApplicationContext edge, String method, String path, String json)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(edge) + "/api/v1/admin/sites" + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext edge(String kafka) {
        return new SpringApplicationBuilder(IngressApplication.class).properties("spring.config.name=ingress")
                .run("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + kafka, "--callstream.processor.enabled=false",
                        "--callstream.ingress.spool.directory=target/spools/" + UUID.randomUUID(),
                        "--callstream.ingress.admin.token=" + ADMIN_TOKEN);
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }
}
