package io.callstream.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import io.callstream.kafka.local.LocalKafkaBroker;
import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Direction;
import io.callstream.schema.EdgeDecision;
import io.callstream.schema.HangupCause;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The edge as a PBX sees it, on a real HTTP port, publishing to a real Kafka broker. */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=ingress",
                "callstream.ingress.spool.directory=target/spools/${random.uuid}",
                "server.address=127.0.0.1",
                "callstream.ingress.publish-timeout=1s",
                "callstream.ingress.access-log=true",
                "callstream.ingress.sites[0].id=berlin",
                "callstream.ingress.sites[0].token=" + CtiEndpointIT.TOKEN,
                "callstream.ingress.sites[0].rules.block-list[0].caller-id=+49 171 5000000",
        })
@ExtendWith(OutputCaptureExtension.class)
class CtiEndpointIT {

    static final String TOKEN = "it-token-5b0c2f1d9e8a7b6c";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> broker().bootstrapServers());
    }

    @BeforeEach
    void awaitReadiness() {
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 200);
    }

    @Test
    void shouldPublishAnAcknowledgedEventWithAllItsFields() throws Exception {
        String callId = UUID.randomUUID().toString();

        HttpResponse<String> response = postForm("event=newCall&from=493055571600&to=491711234567890&direction=in"
                + "&callId=" + callId + "&user[]=Alice&user[]=Bob&queue=support&CallType=external");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        ConsumerRecord<String, CtiEvent> record = single(callId);
        CtiEvent event = record.value();
        assertThat(record.key()).isEqualTo("berlin/" + callId);
        assertThat(event.getSite()).isEqualTo("berlin");
        assertThat(event.getEvent()).isEqualTo(CallEventType.NEW_CALL);
        assertThat(event.getDirection()).isEqualTo(Direction.IN);
        assertThat(event.getFrom()).isEqualTo("493055571600");
        assertThat(event.getTo()).isEqualTo("491711234567890");
        assertThat(event.getUsers()).containsExactly("Alice", "Bob");
        assertThat(event.getQueue()).isEqualTo("support");
        assertThat(event.getExtraFields()).containsEntry("CallType", "external");
        assertThat(event.getDecision()).isEqualTo(EdgeDecision.NONE);
        assertThat(event.getReceivedAt()).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
    }

    @Test
    void shouldAcceptTheAsteriskBridgesRequestWithoutContentTypeAndWithLowerCaseHeaders() throws Exception {
        String callId = UUID.randomUUID().toString();
        String body = "event=hangup&callId=" + callId + "&direction=in&cause=NOANSWER&answeringNumber=";

        String response = rawPost("/api/v1/cti/" + TOKEN, "host: 127.0.0.1\r\ncontent-length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nconnection: close\r\n", body);

        assertThat(response).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n{}");
        CtiEvent event = single(callId).value();
        assertThat(event.getCause()).isEqualTo("NOANSWER");
        assertThat(event.getNormalizedCause()).isEqualTo(HangupCause.NO_ANSWER);
        assertThat(event.getAnsweringNumber()).isNull();
    }

    @Test
    void shouldPublishARejectedCallToo() throws Exception {
        String callId = UUID.randomUUID().toString();

        HttpResponse<String> response = postJson("{\"event\":\"newCall\",\"direction\":\"in\",\"from\":\"00491715000000\","
                + "\"to\":800,\"callId\":\"" + callId + "\",\"user\":[\"Alice\"]}");

        assertThat(response.body()).isEqualTo("{\"action\":\"reject\",\"reason\":\"busy\"}");
        CtiEvent event = single(callId).value();
        assertThat(event.getDecision()).isEqualTo(EdgeDecision.REJECT);
        assertThat(event.getTo()).isEqualTo("800");
    }

    @Test
    void shouldSpoolWhileKafkaIsDownAnswerWithinTheBoundAndDrainInOrderOnceItIsBack() throws Exception {
        LocalKafkaBroker broker = broker();
        String callId = UUID.randomUUID().toString();
        List<String> forms = List.of("event=newCall&direction=in&from=1&to=2&callId=" + callId,
                "event=answer&direction=in&user=Alice&callId=" + callId,
                "event=hangup&direction=in&cause=normalClearing&callId=" + callId);
        broker.stop();
        try {
            for (String form : forms) {
                long started = System.nanoTime();
                HttpResponse<String> stored = postForm(form);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(stored.statusCode()).isEqualTo(200);
                assertThat(stored.body()).isEqualTo("{}");
                assertThat(took).isLessThan(PUBLISH_TIMEOUT.plusMillis(500));
            }
            assertThat(readiness().statusCode()).as("the PBX keeps being answered").isEqualTo(200);
            assertThat(health("spool")).containsEntry("status", "UP")
                    .extracting("details").asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("mode", "spooling").containsEntry("events", 3);
            assertThat(getManagement("/actuator/prometheus").body()).contains("callstream_spool_events 3.0");
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(health("spool"))
                .extracting("details").asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("mode", "direct"));
        List<CtiEvent> published = CtiEventsTopic.readToEnd(broker.bootstrapServers(),
                event -> event.getCallId().equals(callId)).stream().map(ConsumerRecord::value).toList();
        // A send the producer was still retrying when the spool took over may arrive too: same event id.
        assertThat(published.stream().map(CtiEvent::getEventId).distinct().count()).isEqualTo(3);
        assertThat(published.stream().filter(distinctBy(CtiEvent::getEventId)).map(CtiEvent::getEvent))
                .containsExactly(CallEventType.NEW_CALL, CallEventType.ANSWER, CallEventType.HANGUP);

        String afterwards = UUID.randomUUID().toString();
        assertThat(postForm("event=answer&direction=in&user=Alice&callId=" + afterwards).statusCode()).isEqualTo(200);
        assertThat(single(afterwards).value().getEvent()).isEqualTo(CallEventType.ANSWER);
    }

    @Test
    void shouldStayReadyAndReportKafkaDownWithinMillisecondsWhileKafkaIsDown() throws Exception {
        LocalKafkaBroker broker = broker();
        broker.stop();
        try {
            List<Duration> answers = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Map<String, Object> kafka;
            do {
                long started = System.nanoTime();
                kafka = health("kafka");
                answers.add(Duration.ofNanos(System.nanoTime() - started));
                Thread.sleep(100);
            } while (!kafka.get("status").equals("DOWN") && System.nanoTime() < deadline);

            assertThat(kafka).as("Kafka's health while it is down").containsEntry("status", "DOWN");
            assertThat(readiness().statusCode()).as("readiness: the spool stores what Kafka cannot take").isEqualTo(200);
            // A probe with a one-second timeout reads the answer instead of timing out.
            assertThat(answers).allSatisfy(took -> assertThat(took).isLessThan(Duration.ofMillis(500)));
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> health("kafka").get("status").equals("UP"));
    }

    @Test
    void shouldExposeRequestCountsAndPublishLatencyToPrometheusOnTheManagementPortOnly() throws Exception {
        postForm("event=answer&callId=" + UUID.randomUUID());

        String metrics = getManagement("/actuator/prometheus").body();

        assertThat(metrics).contains("callstream_cti_requests_total{event=\"answer\",outcome=\"accepted\",status=\"200\"}");
        assertThat(metrics).contains("callstream_cti_publish_seconds_bucket");
        assertThat(metrics).contains("callstream_http_connections_open");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldServeTheManagementPortOnLoopbackOnly() throws Exception {
        Optional<InetAddress> networkAddress = NetworkInterfaces.firstNonLoopbackIpv4();
        assumeTrue(networkAddress.isPresent(), "this machine has no network address besides loopback");

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(networkAddress.get(), managementPort), 1_000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldAcceptAWildcardContentTypeAsAForm() throws Exception {
        String callId = UUID.randomUUID().toString();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/cti/" + TOKEN))
                .header("Content-Type", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString("event=newCall&direction=in&from=1&to=2&callId=" + callId))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(single(callId).value().getEvent()).isEqualTo(CallEventType.NEW_CALL);
    }

    @Test
    void shouldRefuseControlCharactersInTheCallIdAndPublishNothing() throws Exception {
        String callId = "inj" + UUID.randomUUID();

        HttpResponse<String> response = postForm("event=answer&callId=" + callId + "%0d%0aSet-Cookie:%20x=1");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("control characters");
        assertThat(CtiEventsTopic.readToEnd(broker().bootstrapServers(), event -> event.getCallId().startsWith(callId)))
                .isEmpty();
    }

    @Test
    void shouldNeverWriteTheTokenToTheLogs(CapturedOutput output) throws Exception {
        postForm("event=newCall&direction=in&from=1&to=2&callId=" + UUID.randomUUID());
        postForm("event=bogus&callId=1");
        http.send(HttpRequest.newBuilder(uri("/api/v1/cti/" + TOKEN)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("/api/v1/cti/***"));
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    private static <T> Predicate<T> distinctBy(Function<T, Object> identity) {
        Set<Object> seen = new HashSet<>();
        return item -> seen.add(identity.apply(item));
    }

    private static LocalKafkaBroker broker() {
        return SharedLocalKafka.broker();
    }

    private ConsumerRecord<String, CtiEvent> single(String callId) {
        List<ConsumerRecord<String, CtiEvent>> records = CtiEventsTopic.await(broker().bootstrapServers(),
                event -> event.getCallId().equals(callId), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private HttpResponse<String> postForm(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/cti/" + TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/cti/" + TOKEN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getManagement(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One component of {@code /actuator/health}: its status and details. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> health(String component) throws IOException, InterruptedException {
        Map<String, Object> health = JsonMapper.builder().build().readValue(getManagement("/actuator/health").body(), Map.class);
        return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get(component);
    }

    private HttpResponse<String> readiness() throws IOException, InterruptedException {
        return getManagement("/actuator/health/readiness");
    }

    private String rawPost(String path, String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\n" + headers + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
