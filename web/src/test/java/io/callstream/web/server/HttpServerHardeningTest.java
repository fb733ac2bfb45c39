package io.callstream.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.callstream.web.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** The limits of {@link HttpServerLimits} on a real server, seen from a client on a raw socket. */
@SpringBootTest(classes = EchoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "callstream.http.idle-timeout=1s",
                "callstream.http.body-timeout=1s",
                "callstream.http.max-connections=20",
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@ExtendWith(OutputCaptureExtension.class)
class HttpServerHardeningTest {

    private static final String TOKEN = "s3cr3t-site-token-4711";
    private static final String PATH = "/api/v1/cti/" + TOKEN;
    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofMillis(1_500);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldCloseAConnectionThatSendsNothingWithinTheIdleTimeout() throws Exception {
        try (RawHttp idle = RawHttp.connect(port)) {
            RawHttp.Received received = idle.readUntilClosed(LIMIT.plus(MARGIN));

            assertThat(received.closed()).isTrue();
            assertThat(received.openFor()).isBetween(LIMIT.minusMillis(200), LIMIT.plus(MARGIN));
            assertThat(received.text()).isEmpty();
        }
        assertThat(meters.counter("callstream.http.connections.idle.closed").count()).isEqualTo(1);
    }

    @Test
    void shouldCloseAClientThatSendsItsHeadersByteByByte() throws Exception {
        try (RawHttp slow = RawHttp.connect(port)) {
            String head = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
            long started = System.nanoTime();
            boolean closedWhileSending = false;
            for (int i = 0; i < 40 && !closedWhileSending; i++) {
                try {
                    slow.send(String.valueOf(head.charAt(i % head.length())));
                    Thread.sleep(100);
                } catch (java.io.IOException closed) {
                    closedWhileSending = true;
                }
            }
            RawHttp.Received received = slow.readUntilClosed(MARGIN);

            assertThat(received.closed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT.plus(MARGIN).plus(MARGIN));
        }
    }

    @Test
    void shouldAnswer408WhenABodyStallsAfterItsFirstChunk() throws Exception {
        try (RawHttp stalled = RawHttp.connect(port)) {
            stalled.send("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nevent\r\n");

            RawHttp.Received received = stalled.readUntilClosed(LIMIT.plus(MARGIN));

            assertThat(received.closed()).isTrue();
            assertThat(received.text()).startsWith("HTTP/1.1 408 ")
                    .endsWith("{\"error\":\"The request body did not arrive in time.\"}");
            assertThat(received.openFor()).isLessThan(LIMIT.plus(MARGIN));
        }
        assertThat(meters.counter("callstream.http.requests.abandoned", "reason", "body_timeout").count()).isEqualTo(1);
    }

    @Test
    void shouldKeepAKeepAliveConnectionWhoseRequestsComeWithinTheIdleTimeout() throws Exception {
        try (RawHttp pbx = RawHttp.connect(port)) {
            for (int call = 0; call < 4; call++) {
                String body = "event=newCall&direction=in&from=1&to=2&callId=" + call;
                pbx.send("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body);

                assertThat(pbx.readResponse(MARGIN)).startsWith("HTTP/1.1 200 ").endsWith("{\"length\":" + body.length() + "}");
                Thread.sleep(LIMIT.toMillis() * 6 / 10);
            }
        }
        assertThat(meters.counter("callstream.http.connections.idle.closed").count()).isZero();
    }

    @Test
    void shouldRefuseAConnectionOverTheCapWithA503AndServeAgainWhenConnectionsClose() throws Exception {
        List<RawHttp> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(RawHttp.connect(port));
            }
            await().atMost(LIMIT).until(() -> meters.get("callstream.http.connections.open").gauge().value() == 20);
            String refused = RawHttp.exchange(port, "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", MARGIN.plus(LIMIT));

            assertThat(refused).startsWith("HTTP/1.1 503 ").contains("retry-after: 1")
                    .endsWith("{\"error\":\"Too many connections, please retry later.\"}");
        } finally {
            for (RawHttp connection : open) {
                connection.close();
            }
        }
        Thread.sleep(200);
        assertThat(RawHttp.exchange(port, "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", MARGIN))
                .startsWith("HTTP/1.1 200 ");
        assertThat(meters.counter("callstream.http.connections.refused").count()).isEqualTo(1);
    }

    @Test
    void shouldAnswerMalformedRequestsWithJsonCountThemAndLogOneMaskedLine(CapturedOutput output) throws Exception {
        String longHeader = "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n";
        String bareLineFeeds = "POST " + PATH + " HTTP/1.1\nHost: x\nContent-Length: 21\n\nevent=answer&callId=1";
        String badLength = "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\nhello";
        String longUri = "POST " + PATH + "?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
        String badChunk = "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nevent\r\nzz\r\n";
        String http2 = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

        for (int round = 0; round < 10; round++) {
            assertThat(RawHttp.exchange(port, longHeader, MARGIN)).startsWith("HTTP/1.1 431 ").contains("application/json")
                    .endsWith("{\"error\":\"Request Header Fields Too Large: the request could not be read as HTTP.\"}");
            assertThat(RawHttp.exchange(port, bareLineFeeds, MARGIN)).startsWith("HTTP/1.1 400 ").contains("{\"error\":");
            assertThat(RawHttp.exchange(port, badLength, MARGIN)).startsWith("HTTP/1.1 400 ").contains("{\"error\":");
            assertThat(RawHttp.exchange(port, longUri, MARGIN)).startsWith("HTTP/1.1 414 ").contains("{\"error\":");
            assertThat(RawHttp.exchange(port, badChunk, MARGIN)).startsWith("HTTP/1.1 400 ").contains("{\"error\":");
            assertThat(RawHttp.exchange(port, http2, MARGIN)).startsWith("HTTP/1.1 505 ").contains("{\"error\":");
        }

        assertThat(meters.counter("callstream.http.malformed.requests", "reason", "TooLongHttpHeaderException").count())
                .isEqualTo(10);
        assertThat(meters.find("callstream.http.malformed.requests").counters().stream()
                .mapToDouble(counter -> counter.count()).sum()).isEqualTo(60);
        assertThat(output.getAll()).doesNotContain(TOKEN);
        assertThat(output.getAll().lines().filter(line -> line.contains("Malformed HTTP request"))).hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("/api/v1/cti/***"));
        assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))).hasSize(1);
    }
}
