package io.callstream.processor.forwarding;

import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lane against a real HTTP server that refuses every token, as a Zammad with another token does. */
class SiteLaneTest {

    private static final TopicPartition EVENTS = new TopicPartition("events", 0);

    private HttpServer zammad;
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(1);
    private final OffsetTracker offsets = new OffsetTracker();
    private final List<String> parked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        zammad = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        zammad.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        zammad.start();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        zammad.stop(0);
    }

    @Test
    void shouldKeepARefusedEventUntilTheDeadLetterTopicHasIt() {
        String url = "http://127.0.0.1:" + zammad.getAddress().getPort() + "/api/v1/cti/wrong";
        SiteLane.Refusals failingOnce = (pending, reason) -> {
            parked.add(reason);
            if (parked.size() == 1) {
                throw new IllegalStateException("cannot write to the dead-letter topic");
            }
        };
        SiteLane lane = new SiteLane("s", site -> Optional.of(url), new ZammadClient(Duration.ofSeconds(2)), workers,
                offsets, failingOnce, ForwardingMeters.in(new SimpleMeterRegistry()), Clock.systemUTC());

        offsets.polled(EVENTS, 41);
        lane.add(new SiteLane.Pending(EVENTS, 41, newCall("c").in().at(0), new byte[0], new byte[0]));

        await().atMost(Duration.ofSeconds(10)).until(() -> offsets.unsettled() == 0);
        assertThat(parked).hasSize(2).allSatisfy(reason -> assertThat(reason).startsWith("Zammad answered 401"));
        assertThat(offsets.positions()).isEqualTo(Map.of(EVENTS, new OffsetAndMetadata(42)));
        assertThat(lane.waiting()).isZero();
    }
}
