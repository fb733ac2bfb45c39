package io.callstream.processor.topology;

import static io.callstream.processor.calls.TestEvents.T0;
import static io.callstream.processor.calls.TestEvents.answer;
import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.callstream.processor.calls.CallRules;
import io.callstream.processor.calls.Permutations;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.HangupCause;
import io.callstream.schema.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same property through the real topology and its stores: every order of one call, each under its own id. */
class CallRecordPermutationTest {

    @TempDir
    Path stateDirectory;

    @Test
    void shouldPublishTheSameFinalRecordForEveryOrderOfACallsEvents() {
        List<Template> natural = List.of(
                id -> newCall(id).in().from("4930").to("4940").users("Alice").at(0),
                id -> answer(id).in().users("Alice").at(4),
                id -> hangup(id).in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(64),
                id -> hangup(id).in().cause("LOSE_RACE", HangupCause.ANSWERED_ELSEWHERE).at(65),
                id -> answer(id).in().users("Bob").at(66));
        List<List<Template>> orders = Permutations.of(natural);
        Map<String, CallRecord> finalRecords = new HashMap<>();
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, CtiEvent> events = driver.createInputTopic(Topics.CTI_EVENTS,
                    new StringSerializer(), AvroSerde.of(CtiEvent.class).serializer());
            for (int i = 0; i < orders.size(); i++) {
                String callId = "order-" + i;
                for (Template template : orders.get(i)) {
                    CtiEvent event = template.event(callId);
                    events.pipeInput("berlin/" + callId, event, event.getReceivedAt());
                }
            }
            driver.createOutputTopic(Topics.CALL_RECORDS, new StringDeserializer(),
                            AvroSerde.of(CallRecord.class).deserializer())
                    .readKeyValuesToList()
                    .forEach(kv -> finalRecords.put(kv.key, kv.value));
        }

        assertThat(finalRecords).hasSize(orders.size());
        CallRecord expected = withCallId(finalRecords.get("berlin/order-0/1"), "any");
        assertThat(finalRecords.values()).allSatisfy(record -> assertThat(withCallId(record, "any")).isEqualTo(expected));
        assertThat(expected.getTalkingTimeMs()).isEqualTo(60_000);
        assertThat(expected.getAnsweredBy()).isEqualTo("Alice");
        assertThat(expected.getEventsApplied()).isEqualTo(5);
    }

    private TopologyTestDriver driver() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "permutations");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(ProcessorTopologies.build(
                List.of(new CallRecordTopology(CallRules.defaults(), Duration.ofSeconds(30))), settings), settings, T0);
    }

    private static CallRecord withCallId(CallRecord record, String callId) {
        return CallRecord.newBuilder(record).setCallId(callId).build();
    }

    /** One event of the call, for whichever call id the order runs under. */
    @FunctionalInterface
    private interface Template {
        CtiEvent event(String callId);
    }
}
