package io.callstream.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.callstream.kafka.local.LocalKafkaBroker;
import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge killed with -9 while Kafka is away and its spool holds what it acknowledged: after a
 * restart nothing it answered 200 is missing from the events topic, and each call's events are
 * there in the order the PBX sent them.
 */
class EdgeCrashIT {

    private static final List<String> CALL = List.of("newCall&direction=in&from=4930123&to=4930999",
            "answer&direction=in&user=Alice", "hangup&direction=in&cause=normalClearing");
    private static final List<CallEventType> CALL_EVENTS = List.of(CallEventType.NEW_CALL, CallEventType.ANSWER,
            CallEventType.HANGUP);
    private static final int PBX_CONNECTIONS = 4;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 300;

    @TempDir
    Path spool;

    @Test
    void shouldLoseNothingItAcknowledgedWhenKilledWithEventsInTheSpool() throws Exception {
        LocalKafkaBroker broker = SharedLocalKafka.broker();
        String callPrefix = "crash-" + UUID.randomUUID() + "-";
        int port = EdgeProcess.freePort();
        Map<String, List<CallEventType>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger acknowledgedEvents = new AtomicInteger();

        EdgeProcess first = EdgeProcess.start(broker.bootstrapServers(), spool, port);
        broker.stop();
        AtomicBoolean crashed = new AtomicBoolean();
        ExecutorService pbx = Executors.newFixedThreadPool(PBX_CONNECTIONS);
        try {
            AtomicInteger calls = new AtomicInteger();
            for (int connection = 0; connection < PBX_CONNECTIONS; connection++) {
                pbx.submit(() -> {
                    while (!crashed.get()) {
                        String callId = callPrefix + calls.incrementAndGet();
                        for (int i = 0; i < CALL.size(); i++) {
                            if (!postedAndAcknowledged(first, "event=" + CALL.get(i) + "&callId=" + callId)) {
                                return null;
                            }
                            acknowledged.computeIfAbsent(callId, id -> new ArrayList<>()).add(CALL_EVENTS.get(i));
                            acknowledgedEvents.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedEvents.get() >= ACKNOWLEDGED_BEFORE_THE_KILL);
            first.kill();
            crashed.set(true);
        } finally {
            pbx.shutdown();
            pbx.awaitTermination(30, TimeUnit.SECONDS);
            broker.start();
        }
        assertThat(first.output()).contains("events are spooled in");
        assertThat(spoolBytes()).as("the spool's files after the kill").isPositive();

        try (EdgeProcess second = EdgeProcess.start(broker.bootstrapServers(), spool, port)) {
            assertThat(second.output()).containsPattern("holds \\d+ events .* from before");
            Map<String, List<CallEventType>> published = new LinkedHashMap<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                published.clear();
                published.putAll(publishedPerCall(broker, callPrefix));
                assertThat(published.keySet()).containsAll(acknowledged.keySet());
            });
            acknowledged.forEach((callId, events) -> assertThat(published.get(callId)).as(callId)
                    // The event in flight at the kill may have reached the disk without its 200 reaching the PBX.
                    .startsWith(events.toArray(CallEventType[]::new))
                    .hasSizeLessThanOrEqualTo(events.size() + 1)
                    .isSubsetOf(CALL_EVENTS.subList(0, Math.min(CALL_EVENTS.size(), events.size() + 1))));

            String afterwards = callPrefix + "afterwards";
            assertThat(second.post("event=" + CALL.get(0) + "&callId=" + afterwards)).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> publishedPerCall(broker, callPrefix).containsKey(afterwards));
        }
    }

    private static boolean postedAndAcknowledged(EdgeProcess edge, String form) {
        try {
            return edge.post(form) == 200;
        } catch (Exception killed) {
            return false;
        }
    }

    /** Each call's events on the topic in topic order, each event id once (a resend after the crash repeats ids). */
    private static Map<String, List<CallEventType>> publishedPerCall(LocalKafkaBroker broker, String callPrefix) {
        Set<String> seen = new HashSet<>();
        Map<String, List<CallEventType>> perCall = new LinkedHashMap<>();
        for (ConsumerRecord<String, CtiEvent> record : CtiEventsTopic.readToEnd(broker.bootstrapServers(),
                event -> event.getCallId().startsWith(callPrefix))) {
            CtiEvent event = record.value();
            if (seen.add(event.getEventId())) {
                perCall.computeIfAbsent(event.getCallId(), id -> new ArrayList<>()).add(event.getEvent());
            }
        }
        return perCall;
    }

    private long spoolBytes() throws Exception {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(file -> file.toString().endsWith(".spool")).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
