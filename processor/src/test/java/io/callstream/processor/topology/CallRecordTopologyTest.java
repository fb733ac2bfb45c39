package io.callstream.processor.topology;

import static io.callstream.processor.calls.TestEvents.T0;
import static io.callstream.processor.calls.TestEvents.answer;
import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.callstream.processor.calls.CallRules;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallCommand;
import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallProgress;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Contact;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.HangupCause;
import io.callstream.schema.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call rules of docs/pbx-contract.md (Calls) and the outcome list, through the real topology. */
class CallRecordTopologyTest {

    private static final CallRules RULES = CallRules.defaults();
    private static final Duration PUNCTUATION = Duration.ofSeconds(30);

    @TempDir
    Path stateDirectory;

    private TopologyTestDriver driver;
    private TestInputTopic<String, CtiEvent> events;
    private TestInputTopic<String, CallCommand> commands;
    private TestInputTopic<String, Contact> contacts;
    private TestOutputTopic<String, CallRecord> records;

    @BeforeEach
    void startTopology() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "call-records-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        driver = new TopologyTestDriver(ProcessorTopologies.build(List.of(new CallRecordTopology(RULES, PUNCTUATION)),
                settings), settings, T0);
        events = driver.createInputTopic(Topics.CTI_EVENTS, new StringSerializer(), AvroSerde.of(CtiEvent.class).serializer());
        commands = driver.createInputTopic(Topics.CALL_COMMANDS, new StringSerializer(),
                AvroSerde.of(CallCommand.class).serializer());
        contacts = driver.createInputTopic(Topics.CONTACTS, new StringSerializer(), AvroSerde.of(Contact.class).serializer());
        records = driver.createOutputTopic(Topics.CALL_RECORDS, new StringDeserializer(),
                AvroSerde.of(CallRecord.class).deserializer());
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void shouldPublishARecordOnEveryChangeOfZammadsSampleCall() {
        send(newCall("123456").in().from("493055571600").to("491711234567890").users("Alice", "Bob").at(0));
        send(answer("123456").in().users("Alice").answeringNumber("491711234567890").at(4));
        send(hangup("123456").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(64));

        List<KeyValue<String, CallRecord>> published = records.readKeyValuesToList();
        assertThat(published).extracting(kv -> kv.key).containsOnly("berlin/123456/1");
        assertThat(published).extracting(kv -> kv.value.getState())
                .containsExactly(CallProgress.NEW_CALL, CallProgress.ANSWER, CallProgress.HANGUP);
        CallRecord call = published.get(2).value;
        assertThat(call.getOutcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.getDone()).isTrue();
        assertThat(call.getWaitingTimeMs()).isEqualTo(4_000);
        assertThat(call.getTalkingTimeMs()).isEqualTo(60_000);
        assertThat(call.getQueue()).isEqualTo("491711234567890");
        assertThat(call.getUsers()).containsExactly("Alice", "Bob");
        assertThat(call.getAnsweredBy()).isEqualTo("Alice");
        assertThat(call.getAnsweringNumber()).isEqualTo("491711234567890");
        assertThat(call.getCause()).isEqualTo("normalClearing");
        assertThat(call.getInitializedAt()).isEqualTo(T0);
        assertThat(call.getStartAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(call.getEndAt()).isEqualTo(T0.plusSeconds(64));
        assertThat(call.getEventsApplied()).isEqualTo(3);
    }

    @Test
    void shouldMarkAnInboundCallNobodyAnsweredAsMissedAndNotDone() {
        send(newCall("c").in().from("4930").to("4940").at(0));
        send(hangup("c").in().cause("cancel", HangupCause.CANCEL).at(20));

        CallRecord call = last();
        assertThat(call.getOutcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.getDone()).isFalse();
        assertThat(call.getWaitingTimeMs()).isEqualTo(20_000);
        assertThat(call.getTalkingTimeMs()).isNull();
    }

    @Test
    void shouldMakeAnInboundCallDoneWhenItIsAnsweredBeforeItEnds() {
        send(newCall("c").in().at(0));
        assertThat(last().getDone()).isFalse();

        send(answer("c").in().users("Alice").at(3));

        CallRecord call = last();
        assertThat(call.getDone()).isTrue();
        assertThat(call.getState()).isEqualTo(CallProgress.ANSWER);
    }

    @Test
    void shouldIgnoreAnAnswerAfterTheHangup() {
        send(newCall("c").in().at(0));
        send(hangup("c").in().cause("noAnswer", HangupCause.NO_ANSWER).at(30));
        send(answer("c").in().users("Alice").at(31));

        CallRecord call = last();
        assertThat(call.getOutcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.getStartAt()).isNull();
        assertThat(call.getEventsApplied()).isEqualTo(3);
    }

    @Test
    void shouldEndTheCallOnceWhateverLaterHangupsSay() {
        send(newCall("c").in().at(0));
        send(answer("c").in().users("Alice").at(2));
        send(hangup("c").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(50));
        send(hangup("c").in().cause("LOSE_RACE", HangupCause.ANSWERED_ELSEWHERE).at(51));

        CallRecord call = last();
        assertThat(call.getOutcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.getEndAt()).isEqualTo(T0.plusSeconds(50));
        assertThat(call.getCause()).isEqualTo("normalClearing");
    }

    @Test
    void shouldTreatASecondNewCallOfARunningCallAsADuplicate() {
        send(newCall("c").in().from("4930").at(0));
        send(newCall("c").in().from("4930").atWithId(1, "retried-newCall"));

        assertThat(records.readKeyValuesToList()).extracting(kv -> kv.key).containsOnly("berlin/c/1");
        assertThat(records.isEmpty()).isTrue();
    }

    @Test
    void shouldStartTheNextCallWhenACallIdIsReusedAfterTheCallEnded() {
        send(newCall("4930555").in().from("4930555").at(0));
        send(hangup("4930555").in().cause("cancel", HangupCause.CANCEL).at(10));
        send(newCall("4930555").in().from("4930555").at(600));
        send(answer("4930555").in().users("Bob").at(605));

        Map<String, CallRecord> calls = latestByKey();
        assertThat(calls).containsOnlyKeys("berlin/4930555/1", "berlin/4930555/2");
        assertThat(calls.get("berlin/4930555/1").getOutcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(calls.get("berlin/4930555/2").getState()).isEqualTo(CallProgress.ANSWER);
        assertThat(calls.get("berlin/4930555/2").getInitializedAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void shouldCountEachEventOnceAndPublishNothingForARepeat() {
        CtiEvent newCall = newCall("c").in().at(0);
        send(newCall);
        records.readKeyValuesToList();

        send(newCall);

        assertThat(records.isEmpty()).isTrue();
        assertThat(history("berlin/c").getEvents()).hasSize(1);
    }

    @Test
    void shouldGiveTheSameRecordWhenEventsComeBeforeTheirNewCall() {
        send(hangup("c").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(64));
        send(answer("c").in().users("Alice").at(4));
        assertThat(last().getNewCallSeen()).isFalse();

        send(newCall("c").in().from("4930").to("4940").users("Alice").at(0));

        CallRecord call = last();
        assertThat(call.getNewCallSeen()).isTrue();
        assertThat(call.getWaitingTimeMs()).isEqualTo(4_000);
        assertThat(call.getTalkingTimeMs()).isEqualTo(60_000);
        assertThat(call.getOutcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void shouldNameTheOutcomeByTheFirstRuleThatApplies() {
        assertThat(outcomeOf("voicemail", newCall("v").in().at(0), answer("v").in().users("voicemail").at(5),
                hangup("v").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(30)))
                .isEqualTo(CallOutcome.VOICEMAIL);
        assertThat(outcomeOf("forwarded", newCall("f").in().at(0),
                hangup("f").in().cause("forwarded", HangupCause.FORWARDED).at(5))).isEqualTo(CallOutcome.FORWARDED);
        assertThat(outcomeOf("busy", newCall("b").in().at(0),
                hangup("b").in().cause("BUSY", HangupCause.BUSY).at(1))).isEqualTo(CallOutcome.BUSY);
        assertThat(outcomeOf("failed", newCall("x").in().at(0),
                hangup("x").in().cause("CHANUNAVAIL", HangupCause.UNAVAILABLE).at(1))).isEqualTo(CallOutcome.FAILED);
        assertThat(outcomeOf("elsewhere", newCall("e").in().at(0),
                hangup("e").in().cause("LOSE_RACE", HangupCause.ANSWERED_ELSEWHERE).at(9)))
                .isEqualTo(CallOutcome.ANSWERED_ELSEWHERE);
        assertThat(outcomeOf("outbound", newCall("o").out().from("4930").to("4940").at(0),
                hangup("o").out().cause("noAnswer", HangupCause.NO_ANSWER).at(30))).isEqualTo(CallOutcome.NOT_ANSWERED);
        assertThat(outcomeOf("unknown cause", newCall("u").in().at(0),
                hangup("u").in().cause("MEDIA_TIMEOUT", HangupCause.OTHER).at(9))).isEqualTo(CallOutcome.MISSED);
    }

    @Test
    void shouldKeepVoicemailCallsNotDoneAndForwardedCallsDone() {
        send(newCall("v").in().at(0));
        send(answer("v").in().users("voicemail").at(5));
        send(hangup("v").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(30));
        assertThat(last().getDone()).isFalse();

        send(newCall("f").in().at(0));
        send(hangup("f").in().cause("forwarded", HangupCause.FORWARDED).at(5));
        assertThat(last().getDone()).isTrue();
    }

    @Test
    void shouldKeepACallTheEdgeRejectedOutOfTheActiveCallsWhileItsZammadFieldsWaitForThePbxsHangup() {
        send(newCall("spam").in().from("491715000000").rejected().at(0));

        CallRecord ringing = last();
        assertThat(ringing.getOutcome()).isEqualTo(CallOutcome.REJECTED);
        assertThat(ringing.getState()).as("Zammad's state until the PBX hangs up").isEqualTo(CallProgress.NEW_CALL);
        assertThat(ringing.getDone()).isFalse();
        assertThat(ringing.getEndAt()).isNull();
        assertThat(driver.<String, String>getKeyValueStore(StoreNames.ACTIVE_CALLS).get("berlin/spam/1"))
                .as("not in progress: the edge turned it away").isNull();

        send(hangup("spam").in().cause("busy", HangupCause.BUSY).at(1));

        CallRecord hungUp = last();
        assertThat(hungUp.getOutcome()).isEqualTo(CallOutcome.REJECTED);
        assertThat(hungUp.getState()).isEqualTo(CallProgress.HANGUP);
        assertThat(hungUp.getDone()).isFalse();
        assertThat(hungUp.getComment()).isEqualTo("busy");
        assertThat(hungUp.getEndAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(hungUp.getWaitingTimeMs()).isEqualTo(1_000);
    }

    @Test
    void shouldAlwaysMarkOutboundCallsDone() {
        send(newCall("o").out().from("4930").to("4940").at(0));

        assertThat(last().getDone()).isTrue();
    }

    @Test
    void shouldDeriveTheQueueAsZammadDoes() {
        send(newCall("q").in().from("4930").to("4940").queue("support").at(0));
        assertThat(last().getQueue()).isEqualTo("support");
        send(newCall("i").in().from("4930").to("4940").at(0));
        assertThat(last().getQueue()).isEqualTo("4940");
        send(newCall("o").out().from("30").to("4147110000000").dialedAs("41715877777").at(0));
        CallRecord outbound = last();
        assertThat(outbound.getQueue()).isEqualTo("41715877777");
        assertThat(outbound.getFrom()).isEqualTo("41715877777");
        assertThat(outbound.getOriginalFrom()).isEqualTo("30");
    }

    @Test
    void shouldCloseACallWithoutHangupAfterTheOpenTimeoutAsTimedOut() {
        send(newCall("c").in().at(0));
        send(answer("c").in().users("Alice").at(10));
        records.readKeyValuesToList();

        driver.advanceWallClockTime(RULES.openTimeout().plusSeconds(60));

        CallRecord call = last();
        assertThat(call.getOutcome()).isEqualTo(CallOutcome.TIMED_OUT);
        assertThat(call.getState()).isEqualTo(CallProgress.HANGUP);
        assertThat(call.getEndAt()).isEqualTo(T0.plusSeconds(10).plus(RULES.openTimeout()));
        assertThat(activeCalls()).isEmpty();
    }

    @Test
    void shouldKeepOneDeadlineEntryPerCallIdAndDropAnEntryOfAnOlderVersionOnceItIsDue() {
        send(newCall("c").in().from("4930").to("4940").at(0));
        KeyValueStore<String, String> deadlines = driver.getKeyValueStore(StoreNames.CALL_DEADLINES);
        // As an older version wrote it: the deadline to the millisecond, not rounded up to the punctuation interval.
        String older = RecordKeys.deadlineKey(T0.plus(RULES.openTimeout()).minusMillis(1_234), "berlin/c");
        deadlines.put(older, "berlin/c");

        driver.advanceWallClockTime(RULES.openTimeout().plusSeconds(60));

        assertThat(last().getOutcome()).isEqualTo(CallOutcome.TIMED_OUT);
        List<String> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> all = deadlines.all()) {
            all.forEachRemaining(entry -> entries.add(entry.key));
        }
        assertThat(entries).hasSize(1).doesNotContain(older).allMatch(key -> key.endsWith("|berlin/c"));
    }

    @Test
    void shouldLetAHangupFromBeforeTheTimeoutReplaceIt() {
        send(newCall("c").in().at(0));
        driver.advanceWallClockTime(RULES.openTimeout().plusSeconds(60));
        assertThat(last().getOutcome()).isEqualTo(CallOutcome.TIMED_OUT);

        send(hangup("c").in().cause("cancel", HangupCause.CANCEL).at(20));

        CallRecord call = last();
        assertThat(call.getOutcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.getEndAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void shouldForgetEndedCallsAfterTheRetentionAndKeepNumberingTheirCallId() {
        send(newCall("4930").in().at(0));
        send(hangup("4930").in().cause("cancel", HangupCause.CANCEL).at(10));
        records.readKeyValuesToList();

        driver.advanceWallClockTime(RULES.retention().plusHours(1));

        assertThat(callLog()).isEmpty();
        assertThat(driver.<String, CallRecord>getKeyValueStore(StoreNames.CALL_RECORDS).get("berlin/4930/1")).isNull();
        assertThat(history("berlin/4930").getEvents()).isEmpty();
        send(hangup("4930").in().cause("cancel", HangupCause.CANCEL).at(11));
        assertThat(records.isEmpty()).as("a late event of a forgotten call").isTrue();
        send(newCall("4930").in().at(RULES.retention().plusHours(2).toSeconds()));
        assertThat(records.readKeyValuesToList()).extracting(kv -> kv.key).containsOnly("berlin/4930/2");
    }

    @Test
    void shouldApplyAUsersDoneMarkToTheLatestCall() {
        send(newCall("c").in().at(0));
        send(hangup("c").in().cause("cancel", HangupCause.CANCEL).at(10));
        assertThat(last().getDone()).isFalse();

        commands.pipeInput("berlin/c", CallCommand.newBuilder().setCommandId("cmd-1").setSite("berlin").setCallId("c")
                .setDone(true).setIssuedAt(T0.plusSeconds(100)).build());

        CallRecord call = last();
        assertThat(call.getDone()).isTrue();
        assertThat(call.getDoneMarkedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(call.getOutcome()).isEqualTo(CallOutcome.MISSED);
    }

    @Test
    void shouldIdentifyTheRemotePartyFromContactsAndShowContactsAddedLaterOnLaterCalls() {
        contacts.pipeInput("493055571600", new Contact("Jane Doe", "ACME", "crm-42", "https://crm/42"));
        send(newCall("c1").in().from("+49 30 5557 1600").to("4940").at(0));
        CallRecord identified = last();
        assertThat(identified.getRemoteContact().getName()).isEqualTo("Jane Doe");
        assertThat(identified.getRemoteNumber()).isEqualTo("493055571600");

        send(newCall("c2").out().from("4940").to("4989123").at(0));
        assertThat(last().getRemoteContact()).isNull();
        contacts.pipeInput("4989123", new Contact("Max", null, null, null));
        send(newCall("c3").out().from("4940").to("4989123").at(1));

        assertThat(last().getRemoteContact().getName()).isEqualTo("Max");
    }

    @Test
    void shouldListTheCallLogNewestFirstAndTheActiveCalls() {
        send(newCall("older").in().at(0));
        send(newCall("newer").in().at(30));
        send(hangup("older").in().cause("cancel", HangupCause.CANCEL).at(40));

        assertThat(callLog()).extracting(CallRecord::getCallId).containsExactly("newer", "older");
        assertThat(activeCalls()).extracting(CallRecord::getCallId).containsExactly("newer");
    }

    @Test
    void shouldNameEveryNodeStoreAndTopicExplicitly() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "call-records-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        String description = ProcessorTopologies.build(List.of(new CallRecordTopology(RULES, PUNCTUATION)), settings)
                .describe().toString();

        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("KSTORE-");
        assertThat(description).contains(StoreNames.CALL_HISTORY, StoreNames.CALL_LOG, StoreNames.ACTIVE_CALLS);
    }

    private CallOutcome outcomeOf(String what, CtiEvent... calls) {
        for (CtiEvent event : calls) {
            send(event);
        }
        return last().getOutcome();
    }

    private void send(CtiEvent event) {
        events.pipeInput(event.getSite() + "/" + event.getCallId(), event, event.getReceivedAt());
    }

    private CallRecord last() {
        List<CallRecord> published = records.readValuesToList();
        assertThat(published).as("records published").isNotEmpty();
        return published.get(published.size() - 1);
    }

    private Map<String, CallRecord> latestByKey() {
        Map<String, CallRecord> latest = new LinkedHashMap<>();
        records.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    private io.callstream.schema.internal.CallHistory history(String key) {
        return driver.<String, io.callstream.schema.internal.CallHistory>getKeyValueStore(StoreNames.CALL_HISTORY).get(key);
    }

    private List<CallRecord> callLog() {
        return indexed(StoreNames.CALL_LOG);
    }

    private List<CallRecord> activeCalls() {
        return indexed(StoreNames.ACTIVE_CALLS);
    }

    /** The records an index points to, in index order. */
    private List<CallRecord> indexed(String index) {
        KeyValueStore<String, CallRecord> records = driver.getKeyValueStore(StoreNames.CALL_RECORDS);
        KeyValueStore<String, String> keys = driver.getKeyValueStore(index);
        try (var all = keys.all()) {
            List<CallRecord> values = new java.util.ArrayList<>();
            all.forEachRemaining(entry -> values.add(records.get(entry.value)));
            return values;
        }
    }
}
