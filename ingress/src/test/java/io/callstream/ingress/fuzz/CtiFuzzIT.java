package io.callstream.ingress.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.callstream.ingress.CtiEventsTopic;
import io.callstream.ingress.IngressApplication;
import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.web.RawHttp;
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
 * Hostile requests from {@link CtiFuzzer} against the edge on a real broker, in rounds, from four
 * clients at once. After every round: no answer was a 5xx, every answer to a complete request came
 * (as JSON), the site's events on the topic are exactly the 200s (none for any other answer), the
 * edge still serves and is ready, no token was logged and the log was not flooded; across rounds the
 * heap after a full GC does not grow.
 *
 * <p>In the suite: 3 rounds of 1,000 requests. In full: {@code -Dcallstream.fuzz.requests=10000}
 * (per round), and {@code -Dcallstream.fuzz.seed=...} to replay another sequence.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=ingress",
                "callstream.ingress.spool.directory=target/spools/${random.uuid}",
                "server.address=127.0.0.1",
                "callstream.http.idle-timeout=2s",
                "callstream.http.body-timeout=1s",
                "callstream.ingress.sites[0].id=" + CtiFuzzIT.SITE,
                "callstream.ingress.sites[0].token=" + CtiFuzzIT.SITE_TOKEN,
                "callstream.ingress.sites[1].id=fuzz-abandon",
                "callstream.ingress.sites[1].token=" + CtiFuzzIT.ABANDON_TOKEN,
        })
@ExtendWith(OutputCaptureExtension.class)
class CtiFuzzIT {

    static final String SITE = "fuzz";
    static final String SITE_TOKEN = "fuzz-site-token-5e1f0a9c7b";
    static final String ABANDON_TOKEN = "fuzz-abandon-token-3d8e2b6a";
    private static final int REQUESTS_PER_ROUND = Integer.getInteger("callstream.fuzz.requests", 1_000);
    private static final long SEED = Long.getLong("callstream.fuzz.seed", 20261201L);
    private static final int ROUNDS = 3;
    private static final int CLIENTS = 4;
    private static final Duration ANSWER_PATIENCE = Duration.ofSeconds(10);
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(5);
    /** Heap growth from the second round to the third that still counts as "not growing". */
    private static final long HEAP_TOLERANCE_BYTES = 32L * 1024 * 1024;

    @LocalServerPort
    int port;

    private long acceptedInAllRounds;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedLocalKafka.broker().bootstrapServers());
    }

    @Test
    void shouldSurviveHostileRequestsWithoutA5xxWithoutPublishingRefusedEventsAndWithoutGrowing(CapturedOutput output)
            throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);
        List<Long> heapAfterRound = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            int logBefore = output.getAll().length();
            RoundResult result = fuzz(round);

            assertThat(result.serverErrors()).as("5xx answers in round %d", round).isEmpty();
            assertThat(result.unanswered()).as("complete requests without an answer in round %d", round).isEmpty();
            assertThat(result.notJson()).as("answers without a JSON body in round %d", round).isEmpty();
            assertPublishedExactlyTheAccepted(result);
            assertThat(readiness()).as("readiness after round %d", round).isEqualTo(200);
            String logged = output.getAll().substring(logBefore);
            assertThat(logged).doesNotContain(SITE_TOKEN).doesNotContain(ABANDON_TOKEN);
            assertThat(logged.lines().filter(line -> line.contains(" ERROR "))).as("errors logged").isEmpty();
            assertThat(logged.lines().filter(line -> line.contains(" WARN "))).as("warnings logged").hasSizeLessThanOrEqualTo(2);
            heapAfterRound.add(heapAfterFullGc());
            System.out.printf("fuzz round %d: %d requests in %d ms, %d accepted, heap after GC %d MiB%n", round,
                    REQUESTS_PER_ROUND, result.took().toMillis(), result.accepted().size(), heapAfterRound.get(round - 1) >> 20);
        }
        assertThat(heapAfterRound.get(ROUNDS - 1)).as("heap after GC, round over round: %s", heapAfterRound)
                .isLessThan(heapAfterRound.get(ROUNDS - 2) + HEAP_TOLERANCE_BYTES);
    }

    private RoundResult fuzz(int round) throws Exception {
        RoundResult result = new RoundResult();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                CtiFuzzer fuzzer = new CtiFuzzer(SEED * 31 + round * CLIENTS + client, SITE_TOKEN, ABANDON_TOKEN,
                        "fz" + SEED + "-" + round + "-" + client);
                running.add(clients.submit(() -> send(fuzzer, REQUESTS_PER_ROUND / CLIENTS, result)));
            }
            for (Future<?> client : running) {
                client.get(ROUND_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        result.took = Duration.ofNanos(System.nanoTime() - started);
        return result;
    }

    private Void send(CtiFuzzer fuzzer, int requests, RoundResult result) throws IOException {
        for (int i = 0; i < requests; i++) {
            FuzzCase request = fuzzer.next();
            try (RawHttp connection = RawHttp.connect(port)) {
                connection.send(request.request());
                if (request.abandon()) {
                    continue;
                }
                RawHttp.Response response = connection.read(ANSWER_PATIENCE, request.headMethod());
                result.record(request, response);
            } catch (IOException noAnswer) {
                if (!request.abandon()) {
                    result.unanswered().add(request.kind() + ": " + noAnswer.getMessage());
                }
            }
        }
        return null;
    }

    /** The site's events on the topic are exactly the 200s of all rounds so far, the refused call ids none of them. */
    private void assertPublishedExactlyTheAccepted(RoundResult result) {
        Map<String, Long> published = CtiEventsTopic.readToEnd(SharedLocalKafka.broker().bootstrapServers(),
                        event -> event.getSite().equals(SITE)).stream()
                .collect(Collectors.groupingBy(record -> record.value().getCallId(), Collectors.counting()));
        acceptedInAllRounds += result.acceptedTotal.get();
        assertThat(published.values().stream().mapToLong(Long::longValue).sum()).as("events on the topic vs 200 answers")
                .isEqualTo(acceptedInAllRounds);
        result.accepted().forEach(callId -> assertThat(published).as("accepted %s", callId).containsEntry(callId, 1L));
        result.refused().forEach(callId -> assertThat(published).as("refused %s", callId).doesNotContainKey(callId));
    }

    private int readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long heapAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** What one round's answers said, gathered from all clients. */
    private final class RoundResult {

        private final Set<String> accepted = ConcurrentHashMap.newKeySet();
        private final Set<String> refused = ConcurrentHashMap.newKeySet();
        private final List<String> serverErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<String> unanswered = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<String> notJson = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong acceptedTotal = new java.util.concurrent.atomic.AtomicLong();
        private Duration took;

        void record(FuzzCase request, RawHttp.Response response) {
            String summary = request.kind() + " -> " + response.status() + " " + response.body();
            if (response.status() >= 500) {
                serverErrors.add(summary);
            }
            if (!request.headMethod() && !response.body().startsWith("{")) {
                notJson.add(summary);
            }
            if (!request.toSite()) {
                return;
            }
            if (response.status() == 200) {
                acceptedTotal.incrementAndGet();
            }
            if (request.callId() != null) {
                (response.status() == 200 ? accepted : refused).add(request.callId());
            }
        }

        Set<String> accepted() {
            return accepted;
        }

        Set<String> refused() {
            return refused;
        }

        List<String> serverErrors() {
            return serverErrors;
        }

        List<String> unanswered() {
            return unanswered;
        }

        List<String> notJson() {
            return notJson;
        }

        Duration took() {
            return took;
        }
    }
}
