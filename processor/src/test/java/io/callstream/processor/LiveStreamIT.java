package io.callstream.processor;

import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.processor.calls.TestEvents;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.HangupCause;
import io.callstream.schema.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/** The live stream: changes as they are committed, and a reconnect with Last-Event-ID that loses and repeats nothing. */
class LiveStreamIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };

    @TempDir
    static Path stateDirectory;

    private static ProcessorInstance processor;

    @BeforeAll
    static void start() {
        processor = ProcessorInstance.start(bootstrap(), "live-it-" + UUID.randomUUID(), stateDirectory);
        await().atMost(PATIENCE).until(() -> processor.readiness() == 200);
    }

    @AfterAll
    static void stop() {
        processor.close();
    }

    @Test
    void shouldStreamChangesAndContinueAfterTheLastEventIdWithoutLossOrRepeat() {
        String site = "live-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now();

        BlockingQueue<ServerSentEvent<String>> first = new LinkedBlockingQueue<>();
        Disposable connection = subscribe(site, null, first);
        List<ServerSentEvent<String>> before = new ArrayList<>();
        before.add(next(first, event -> "position".equals(event.event()), before));
        assertThat(before.get(0).data()).contains("\"resumed\":false");
        send(site, event(newCall("a").in().from("4930111").to("4940"), site, start));
        before.add(next(first, event -> isCall(event, "a", "newCall"), before));
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        first.drainTo(before);
        connection.dispose();
        String lastSeen = before.get(before.size() - 1).id();

        send(site, event(hangup("a").in().cause("cancel", HangupCause.CANCEL), site, start.plusSeconds(20)));
        send(site, event(newCall("b").in().from("4930222").to("4940"), site, start.plusSeconds(30)));

        BlockingQueue<ServerSentEvent<String>> second = new LinkedBlockingQueue<>();
        Disposable reconnected = subscribe(site, lastSeen, second);
        try {
            ServerSentEvent<String> resumed = next(second, event -> "position".equals(event.event()));
            assertThat(resumed.data()).contains("\"resumed\":true");
            assertThat(resumed.id()).isEqualTo(lastSeen);
            List<ServerSentEvent<String>> after = new ArrayList<>();
            while (calls(after).size() < 2) {
                after.add(next(second, event -> true));
            }
            assertThat(calls(after)).as("the changes made while disconnected, once each")
                    .containsExactlyInAnyOrder("a hangup", "b newCall");
            List<String> ids = new ArrayList<>(before.stream().map(ServerSentEvent::id).toList());
            ids.addAll(after.stream().map(ServerSentEvent::id).toList());
            assertThat(ids).as("every event once, across the reconnect").doesNotHaveDuplicates();
            assertThat(after.stream().filter(event -> "stats".equals(event.event())))
                    .allSatisfy(event -> assertThat(event.data()).contains("\"site\":\"" + site + "\""));
        } finally {
            reconnected.dispose();
        }
    }

    private static List<String> calls(List<ServerSentEvent<String>> events) {
        return events.stream().filter(event -> "call".equals(event.event())).map(event -> callAndState(event.data())).toList();
    }

    private static Disposable subscribe(String site, String lastEventId, BlockingQueue<ServerSentEvent<String>> into) {
        return WebClient.create(processor.base()).get().uri("/api/v1/live?site=" + site)
                .header("Authorization", "Bearer " + ProcessorInstance.API_TOKEN)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve().bodyToFlux(EVENTS)
                .filter(event -> event.event() != null)
                .subscribe(into::add);
    }

    private static ServerSentEvent<String> next(BlockingQueue<ServerSentEvent<String>> events,
            java.util.function.Predicate<ServerSentEvent<String>> wanted) {
        return next(events, wanted, new ArrayList<>());
    }

    /** The next event that is wanted; the others before it go to {@code skipped}. */
    private static ServerSentEvent<String> next(BlockingQueue<ServerSentEvent<String>> events,
            java.util.function.Predicate<ServerSentEvent<String>> wanted, List<ServerSentEvent<String>> skipped) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                ServerSentEvent<String> event = events.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (event != null && wanted.test(event)) {
                    return event;
                }
                if (event != null) {
                    skipped.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no such event within " + PATIENCE);
    }

    private static boolean isCall(ServerSentEvent<String> event, String callId, String state) {
        return "call".equals(event.event()) && callAndState(event.data()).equals(callId + " " + state);
    }

    private static String callAndState(String callView) {
        var call = tools.jackson.databind.json.JsonMapper.shared().readTree(callView);
        return call.path("call_id").asString() + " " + call.path("state").asString();
    }

    private static CtiEvent event(TestEvents template, String site, Instant at) {
        return CtiEvent.newBuilder(template.at(0)).setSite(site).setReceivedAt(at)
                .setEventId(UUID.randomUUID().toString()).build();
    }

    private static void send(String site, CtiEvent event) {
        KafkaTopics.produce(bootstrap(), Topics.CTI_EVENTS, AvroSerde.of(CtiEvent.class).serializer(),
                List.of(Map.entry(site + "/" + event.getCallId(), event)));
    }

    private static String bootstrap() {
        return SharedLocalKafka.broker().bootstrapServers();
    }
}
