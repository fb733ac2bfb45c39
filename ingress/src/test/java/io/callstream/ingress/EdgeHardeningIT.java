package io.callstream.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.web.RawHttp;
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

/**
 * The edge against clients that misbehave on the wire, with a real site token: malformed requests,
 * connections that stay idle, bodies that stall. Nothing of it may show the token in the log, flood
 * the log, or hold a connection past its limit; a PBX that behaves is not affected.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=ingress",
                "callstream.ingress.spool.directory=target/spools/${random.uuid}",
                "server.address=127.0.0.1",
                "callstream.http.idle-timeout=2s",
                "callstream.http.body-timeout=1s",
                "callstream.ingress.sites[0].id=hardening",
                "callstream.ingress.sites[0].token=" + EdgeHardeningIT.TOKEN,
        })
@ExtendWith(OutputCaptureExtension.class)
class EdgeHardeningIT {

    static final String TOKEN = "hardening-token-8f3a1c2e9d";
    private static final String PATH = "/api/v1/cti/" + TOKEN;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofMillis(1_500);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedLocalKafka.broker().bootstrapServers());
    }

    @BeforeEach
    void awaitReadiness() {
        await().atMost(Duration.ofSeconds(60)).until(() -> management("/actuator/health/readiness").startsWith("200"));
    }

    @Test
    void shouldAnswerMalformedRequestsWithoutLoggingTheTokenAndLogThemOncePerInterval(CapturedOutput output)
            throws Exception {
        int logBefore = output.getAll().length();
        List<String> malformed = List.of(
                "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\nevent=answer&callId=1",
                "POST " + PATH + " HTTP/1.1\nHost: x\nContent-Length: 21\n\nevent=answer&callId=1",
                "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\nevent=answer&callId=1",
                "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 21\r\n\r\nevent",
                "POST " + PATH + "?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nevent\r\nzz\r\n");

        for (int round = 0; round < 25; round++) {
            for (String request : malformed) {
                assertThat(RawHttp.exchange(port, request, MARGIN)).matches("(?s)HTTP/1.1 4\\d\\d .*\\{\"error\":\".*\"}");
            }
            try (RawHttp leaving = RawHttp.connect(port)) {
                leaving.send("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nevent=answer");
            }
        }
        Thread.sleep(500);

        String logged = output.getAll().substring(logBefore);
        assertThat(logged).doesNotContain(TOKEN);
        assertThat(logged.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                .as("warnings and errors logged for 175 bad requests").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(line -> assertThat(line).contains("Malformed HTTP request refused"));
        String metrics = management("/actuator/prometheus");
        assertThat(metrics).containsPattern("callstream_http_malformed_requests_total\\{reason=\"TooLongHttpHeaderException\"} (2[5-9]|[3-9]\\d)")
                .containsPattern("callstream_http_malformed_requests_total\\{reason=\"InvalidLineSeparatorException\"} (2[5-9]|[3-9]\\d)")
                .containsPattern("callstream_http_malformed_requests_total\\{reason=\"TooLongHttpLineException\"} (2[5-9]|[3-9]\\d)");
    }

    @Test
    void shouldCloseIdleConnectionsWithinTheIdleTimeout() throws Exception {
        List<RawHttp> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                idle.add(RawHttp.connect(port));
            }
            for (RawHttp connection : idle) {
                RawHttp.Received received = connection.readUntilClosed(IDLE_TIMEOUT.plus(MARGIN));

                assertThat(received.closed()).isTrue();
                assertThat(received.openFor()).isLessThan(IDLE_TIMEOUT.plus(MARGIN));
            }
        } finally {
            for (RawHttp connection : idle) {
                connection.close();
            }
        }
    }

    @Test
    void shouldAnswer408AndPublishNothingWhenABodyStallsAfterItsFirstChunk() throws Exception {
        String callId = "stalled-" + UUID.randomUUID();
        String firstChunk = "event=newCall&direction=in&from=1&to=2&callId=" + callId;
        try (RawHttp stalled = RawHttp.connect(port)) {
            stalled.send("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(firstChunk.length()) + "\r\n" + firstChunk + "\r\n");

            RawHttp.Received received = stalled.readUntilClosed(BODY_TIMEOUT.plus(MARGIN));

            assertThat(received.closed()).isTrue();
            assertThat(received.text()).startsWith("HTTP/1.1 408 ");
            assertThat(received.openFor()).isLessThan(BODY_TIMEOUT.plus(MARGIN));
        }
        assertThat(CtiEventsTopic.readToEnd(SharedLocalKafka.broker().bootstrapServers(),
                event -> event.getCallId().equals(callId))).isEmpty();
    }

    @Test
    void shouldKeepAPbxsKeepAliveConnectionThatPostsWithinTheIdleTimeout() throws Exception {
        String call = "keepalive-" + UUID.randomUUID();
        try (RawHttp pbx = RawHttp.connect(port)) {
            for (String event : List.of("newCall&direction=in&from=1&to=2", "answer&user=Alice", "hangup&cause=normalClearing")) {
                String body = "event=" + event + "&callId=" + call;
                pbx.send("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body);

                RawHttp.Response response = pbx.read(MARGIN, false);

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{}");
                Thread.sleep(IDLE_TIMEOUT.toMillis() * 3 / 4);
            }
        }
        assertThat(CtiEventsTopic.readToEnd(SharedLocalKafka.broker().bootstrapServers(),
                event -> event.getCallId().equals(call))).hasSize(3);
    }

    private String management(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
