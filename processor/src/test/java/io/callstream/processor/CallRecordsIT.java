package io.callstream.processor;

import static io.callstream.processor.calls.TestEvents.answer;
import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallProgress;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.HangupCause;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The processor on a real broker, with two instances sharing the work. */
class CallRecordsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static ProcessorInstance first;
    private static ProcessorInstance second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String applicationId = "processor-it-" + UUID.randomUUID();
        first = ProcessorInstance.start(bootstrap(), applicationId, Files.createTempDirectory("streams-1"));
        second = ProcessorInstance.start(bootstrap(), applicationId, Files.createTempDirectory("streams-2"));
        await().atMost(PATIENCE).until(() -> first.readiness() == 200 && second.readiness() == 200);
    }

    @AfterAll
    static void stopInstances() {
        first.close();
        second.close();
    }

    @Test
    void shouldJoinZammadsSampleSequenceIntoOneRecordOnTheTopicAndInTheCallerLog() {
        String site = site();
        Instant start = Instant.now().minusSeconds(120);
        send(site, List.of(
                event(newCall("123456").in().from("493055571600").to("491711234567890").users("Alice", "Bob").at(0), site, start),
                event(answer("123456").in().users("Alice").at(4), site, start),
                event(hangup("123456").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(64), site, start)));

        List<ConsumerRecord<String, CallRecord>> records = KafkaTopics.readUntil(bootstrap(), Topics.CALL_RECORDS,
                AvroSerde.of(CallRecord.class).deserializer(),
                read -> read.stream().anyMatch(r -> r.key().equals(site + "/123456/1")
                        && r.value().getState() == CallProgress.HANGUP), PATIENCE);
        List<CallRecord> ofCall = records.stream().filter(r -> r.key().equals(site + "/123456/1"))
                .map(ConsumerRecord::value).toList();
        CallRecord last = ofCall.get(ofCall.size() - 1);
        assertThat(ofCall).hasSize(3);
        assertThat(last.getOutcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(last.getWaitingTimeMs()).isEqualTo(4_000);
        assertThat(last.getTalkingTimeMs()).isEqualTo(60_000);

        await().atMost(PATIENCE).until(() -> first.get("/api/v1/cti/log?site=" + site).contains("\"state\":\"hangup\""));
        String log = first.get("/api/v1/cti/log?site=" + site);
        assertThat(log).startsWith("200 [")
                .contains("\"from\":\"493055571600\"", "\"to\":\"491711234567890\"", "\"direction\":\"in\"",
                        "\"done\":true", "\"queue\":\"491711234567890\"", "\"comment\":\"normalClearing\"",
                        "\"duration_waiting_time\":4", "\"duration_talking_time\":60", "\"initialized_at\":");
        assertThat(sameOnBoth("/api/v1/cti/log?site=" + site)).isEqualTo(log);
    }

    @Test
    void shouldAnswerEveryQueryTheSameOnBothInstances() {
        String site = site();
        // All 54 s in one quarter hour: a call still ringing counts as in progress only until the end of
        // the quarter of its newest event, so a quarter boundary among them would lower the peak.
        long quarter = Duration.ofMinutes(15).toMillis();
        Instant start = Instant.ofEpochMilli((Instant.now().toEpochMilli() - quarter) / quarter * quarter);
        List<CtiEvent> events = new ArrayList<>();
        int calls = 24;
        for (int i = 0; i < calls; i++) {
            events.add(event(newCall("c" + i).in().from("49301" + i).to("4940").at(i), site, start));
            if (i % 3 != 0) {
                events.add(event(hangup("c" + i).in().cause("cancel", HangupCause.CANCEL).at(i + 30), site, start));
            }
        }
        send(site, events);

        await().atMost(PATIENCE).until(() -> first.get("/api/v1/cti/log?site=" + site).split("\"call_id\"").length
                == calls + 1 && first.get("/api/v1/calls/active").split("\"site\":\"" + site + "\"").length == calls / 3 + 1);
        sameOnBoth("/api/v1/cti/log?site=" + site);
        sameOnBoth("/api/v1/cti/log?site=" + site + "&missed=true&limit=5");
        assertThat(sameOnBoth("/api/v1/cti/log?site=" + site + "&format=csv"))
                .startsWith("200 id,from,to,direction,state,done,queue,comment");
        sameOnBoth("/api/v1/calls/active");
        for (int i = 0; i < calls; i++) {
            assertThat(sameOnBoth("/api/v1/calls/" + site + "/c" + i)).startsWith("200 ").contains("\"call_id\":\"c" + i + "\"");
        }
        assertThat(sameOnBoth("/api/v1/calls/" + site + "/unknown")).startsWith("404 ");

        String range = "/api/v1/stats?site=" + site + "&interval=1d&from=" + LocalDate.ofInstant(start, ZoneOffset.UTC)
                .minusDays(1) + "&to=" + LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).plusDays(1);
        await().atMost(PATIENCE).until(() -> first.get(range), answer -> answer.startsWith("200 ")
                && sum(answer, "offered") == calls * 2 / 3);
        String stats = sameOnBoth(range);
        assertThat(sum(stats, "missed")).as("hung up after 30 s, unanswered").isEqualTo(calls * 2 / 3);
        assertThat(max(stats, "peak_concurrent")).as("all ring at once before the first hangs up").isEqualTo(calls);
        assertThat(sameOnBoth(range + "&format=csv")).startsWith("200 start,end,offered,answered,missed");
        assertThat(sameOnBoth("/api/v1/stats/today?site=" + site)).startsWith("200 ")
                .contains("\"active_now\":{\"ringing\":" + calls / 3 + ",\"talking\":0}");
    }

    /**
     * The answer both instances give, once both give one: a rebalance (an instance joining, a
     * follow-up after warm-up) makes queries 503 for a moment, which clients retry.
     */
    private static String sameOnBoth(String path) {
        AtomicReference<String> answer = new AtomicReference<>();
        await().atMost(PATIENCE).alias("the same answer from both instances to " + path).until(() -> {
            String fromFirst = first.get(path);
            answer.set(fromFirst);
            return !fromFirst.startsWith("503 ") && fromFirst.equals(second.get(path));
        });
        return answer.get();
    }

    private static long sum(String answer, String figure) {
        return series(answer).stream().mapToLong(window -> window.path(figure).asLong()).sum();
    }

    private static long max(String answer, String figure) {
        return series(answer).stream().mapToLong(window -> window.path(figure).asLong()).max().orElse(0);
    }

    private static List<JsonNode> series(String answer) {
        assertThat(answer).startsWith("200 ");
        List<JsonNode> windows = new ArrayList<>();
        JsonMapper.shared().readTree(answer.substring(4)).path("series").forEach(windows::add);
        return windows;
    }

    @Test
    void shouldMarkAMissedCallDoneThroughKafka() {
        String site = site();
        Instant start = Instant.now().minusSeconds(60);
        send(site, List.of(event(newCall("m").in().from("4930").at(0), site, start),
                event(hangup("m").in().cause("cancel", HangupCause.CANCEL).at(20), site, start)));
        await().atMost(PATIENCE).until(() -> first.get("/api/v1/calls/" + site + "/m").contains("\"outcome\":\"missed\""));
        assertThat(first.get("/api/v1/calls/" + site + "/m")).contains("\"done\":false");

        String accepted = second.post("/api/v1/calls/" + site + "/m/done", "application/json", "{\"done\":true}");

        assertThat(accepted).startsWith("202 ").contains("command_id");
        await().atMost(PATIENCE).until(() -> first.get("/api/v1/calls/" + site + "/m").contains("\"done\":true"));
        await().atMost(PATIENCE).until(() -> second.get("/api/v1/cti/log?site=" + site + "&done=false"), "200 []"::equals);
    }

    @Test
    void shouldSendACorruptRecordToTheDeadLetterTopicAndCarryOn() {
        String site = site();
        byte[] garbage = "not an avro record".getBytes(StandardCharsets.UTF_8);
        KafkaTopics.produce(bootstrap(), Topics.CTI_EVENTS, new ByteArraySerializer(),
                List.of(Map.entry(site + "/broken", garbage)));
        send(site, List.of(event(newCall("after").in().at(0), site, Instant.now())));

        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTopics.readUntil(bootstrap(), Topics.DEAD_LETTERS,
                new ByteArrayDeserializer(), read -> read.stream().anyMatch(r -> (site + "/broken").equals(r.key())),
                PATIENCE);
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.stream()
                .filter(r -> (site + "/broken").equals(r.key())).findFirst().orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(new String(deadLetter.headers().lastHeader("callstream.dlq.topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.CTI_EVENTS);
        await().atMost(PATIENCE).until(() -> first.get("/api/v1/calls/" + site + "/after").startsWith("200 "));
    }

    @Test
    void shouldIdentifyCallersFromContactsLoadedAsCsv() {
        String site = site();
        String imported = first.post("/api/v1/contacts", "text/csv",
                "number,name,organization\n\"+49 30 7000 1234\",\"Doe, Jane\",ACME\n,missing number\n");
        assertThat(imported).startsWith("200 ").contains("\"imported\":1").contains("\"rejected\":1")
                .contains("{\"line\":3,\"message\":\"number and name are required\"}");
        await().atMost(PATIENCE).until(() -> second.get("/api/v1/contacts/00493070001234").startsWith("200 "));

        send(site, List.of(event(newCall("known").in().from("+49 30 7000 1234").at(0), site, Instant.now())));

        await().atMost(PATIENCE).until(() -> second.get("/api/v1/calls/" + site + "/known").contains("\"from_comment\":\"Doe, Jane\""));
    }

    @Test
    void shouldStoreANationalNumberAsANumberOfTheCountryOfTheSiteNamed() {
        String site = site();
        KafkaTopics.produce(bootstrap(), Topics.SITES, AvroSerde.of(SiteConfig.class).serializer(), List.of(Map.entry(site,
                SiteConfig.newBuilder().setSiteId(site).setDisplayName(site).setEnabled(true).setCountryCode("49")
                        .setTokenSha256("0".repeat(64)).setBlockList(List.of()).setRouting(List.of())
                        .setUpdatedAt(Instant.now()).setChangeId(UUID.randomUUID().toString()).build())));

        await().atMost(PATIENCE).alias("the site reached the processor's copy of the sites")
                .until(() -> first.put("/api/v1/contacts/030%205557%201600?site=" + site, "{\"name\":\"Berlin office\"}"),
                        answer -> answer.equals("200 {\"number\":\"493055571600\"}"));
        await().atMost(PATIENCE).until(() -> second.get("/api/v1/contacts/%2B49%20%280%2930%205557%201600"),
                answer -> answer.startsWith("200 ") && answer.contains("Berlin office"));
        assertThat(first.put("/api/v1/contacts/030%2012345?country_code=49", "{\"name\":\"Berlin desk\"}"))
                .isEqualTo("200 {\"number\":\"493012345\"}");
        assertThat(first.put("/api/v1/contacts/030?site=no-such-site", "{\"name\":\"x\"}"))
                .startsWith("400 ").contains("{\"field\":\"site\",\"message\":\"no such site\"}");
        assertThat(first.put("/api/v1/contacts/030?country_code=049", "{\"name\":\"x\"}"))
                .startsWith("400 ").contains("\"field\":\"country_code\"");
    }

    @Test
    void shouldRefuseQueriesWithoutTheApiToken() {
        assertThat(first.getWithoutToken("/api/v1/cti/log")).startsWith("401 ");
        assertThat(first.getWithoutToken("/api/v1/calls/active")).startsWith("401 ");
    }

    private static CtiEvent event(CtiEvent event, String site, Instant start) {
        return CtiEvent.newBuilder(event).setSite(site)
                .setReceivedAt(start.plus(Duration.between(io.callstream.processor.calls.TestEvents.T0, event.getReceivedAt())))
                .setEventId(site + "-" + event.getEventId())
                .build();
    }

    private static void send(String site, List<CtiEvent> events) {
        KafkaTopics.produce(bootstrap(), Topics.CTI_EVENTS, AvroSerde.of(CtiEvent.class).serializer(),
                events.stream().map(event -> Map.entry(site + "/" + event.getCallId(), event)).toList());
    }

    private static String site() {
        return "s" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String bootstrap() {
        return SharedLocalKafka.broker().bootstrapServers();
    }
}
