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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.callstream.kafka.local.LocalKafkaBroker;
import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.kafka.local.TopicContents;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka stopped for 30 s under a constant PBX load: every request is answered 200 within the
 * publish timeout (the edge spools), the edge drains by itself once Kafka is back, and every call
 * ends up in the call records exactly once per event, answered.
 */
class KafkaOutageIT {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_EVERY = Duration.ofMillis(100);
    private static final Duration BEFORE_THE_OUTAGE = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration AFTER_THE_OUTAGE = Duration.ofSeconds(5);
    private static final List<String> CALL = List.of("newCall&direction=in&from=4930123&to=4930999",
            "answer&direction=in&user=Alice", "hangup&direction=in&cause=normalClearing");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path state;

    private record Answer(int status, Duration took) {
    }

    @Test
    void shouldAnswerEveryRequestWithin200AndRecordEveryCallExactlyOnceThroughAThirtySecondOutage() throws Exception {
        LocalKafkaBroker broker = SharedLocalKafka.broker();
        String site = "outage" + UUID.randomUUID().toString().substring(0, 8);
        String token = "outage-token-" + UUID.randomUUID();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        int calls = (int) (BEFORE_THE_OUTAGE.plus(OUTAGE).plus(AFTER_THE_OUTAGE).toMillis() / CALL_EVERY.toMillis());

        try (ConfigurableApplicationContext processor = processor(broker.bootstrapServers());
                ConfigurableApplicationContext edge = edge(broker.bootstrapServers(), site, token)) {
            String url = "http://127.0.0.1:" + edge.getEnvironment().getProperty("local.server.port") + "/api/v1/cti/"
                    + token;
            await().atMost(Duration.ofSeconds(60)).alias("the edge serves the new site").until(() -> http.send(
                    HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("event=answer&callId=warm-up")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            ExecutorService pbx = Executors.newFixedThreadPool(64);
            long started = System.nanoTime();
            boolean stopped = false;
            boolean restarted = false;
            try {
                for (int call = 0; call < calls; call++) {
                    long due = started + CALL_EVERY.toNanos() * call;
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                    if (!stopped && elapsed.compareTo(BEFORE_THE_OUTAGE) >= 0) {
                        broker.stop();
                        stopped = true;
                    }
                    if (!restarted && elapsed.compareTo(BEFORE_THE_OUTAGE.plus(OUTAGE)) >= 0) {
                        broker.start();
                        restarted = true;
                    }
                    String callId = "c" + call;
                    pbx.submit(() -> postCall(url, callId, answers));
                }
            } finally {
                pbx.shutdown();
                pbx.awaitTermination(60, TimeUnit.SECONDS);
                if (stopped && !restarted) {
                    broker.start();
                }
            }

            assertThat(answers).hasSize(calls * CALL.size());
            assertThat(answers).extracting(Answer::status).containsOnly(200);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.took())
                    .isLessThan(PUBLISH_TIMEOUT.plusMillis(500)));

            Map<String, List<CallRecord>> records = await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> records(broker.bootstrapServers(), site),
                            seen -> seen.size() == calls && seen.values().stream().allMatch(r -> r.size() >= CALL.size()));
            Thread.sleep(3_000);
            records = records(broker.bootstrapServers(), site);
            assertThat(records).hasSize(calls);
            assertThat(records.values()).as("one record per event of each call, none twice")
                    .allSatisfy(perCall -> assertThat(perCall).hasSize(CALL.size()));
            assertThat(records.values()).allSatisfy(perCall -> {
                CallRecord last = perCall.get(perCall.size() - 1);
                assertThat(last.getOutcome()).isEqualTo(CallOutcome.ANSWERED);
                assertThat(last.getEventsApplied()).isEqualTo(CALL.size());
            });
        }
    }

    private void postCall(String url, String callId, ConcurrentLinkedQueue<Answer> answers) {
        for (String event : CALL) {
            long started = System.nanoTime();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("event=" + event + "&callId=" + callId)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            answers.add(new Answer(status, Duration.ofNanos(System.nanoTime() - started)));
            if (status != 200) {
                return;
            }
        }
    }

    /** Every committed record of the site's calls, per call, in order. */
    private static Map<String, List<CallRecord>> records(String bootstrapServers, String site) {
        Map<String, List<CallRecord>> perCall = new HashMap<>();
        for (ConsumerRecord<String, CallRecord> record : TopicContents.readCommitted(bootstrapServers, Topics.CALL_RECORDS,
                new StringDeserializer(), AvroSerde.of(CallRecord.class).deserializer())) {
            if (record.key().startsWith(site + "/c")) {
                perCall.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
            }
        }
        return perCall;
    }

    private ConfigurableApplicationContext processor(String kafka) {
        return SeparateApplications.processor(kafka, state.resolve("streams"),
                "callstream.processor.application-id=outage-it-" + UUID.randomUUID(),
                "callstream.processor.api-token=outage-it-api-token");
    }

    private ConfigurableApplicationContext edge(String kafka, String site, String token) {
        return SeparateApplications.edge(kafka, state.resolve("spool"),
                "callstream.ingress.publish-timeout=" + PUBLISH_TIMEOUT.toSeconds() + "s",
                "callstream.ingress.sites[0].id=" + site, "callstream.ingress.sites[0].token=" + token);
    }
}
