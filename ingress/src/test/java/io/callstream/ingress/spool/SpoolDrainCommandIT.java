package io.callstream.ingress.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.callstream.ingress.CtiEventsTopic;
import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drain-spool}: the spool of an edge that will not come back, sent to Kafka by an operator. */
class SpoolDrainCommandIT {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void shouldSendALeftBehindSpoolToKafkaInOrderAndLeaveItEmpty() throws Exception {
        String callId = "left-behind-" + UUID.randomUUID();
        List<CallEventType> call = List.of(CallEventType.NEW_CALL, CallEventType.ANSWER, CallEventType.HANGUP);
        try (EventSpool spool = EventSpool.open(directory, 1024 * 1024, Clock.systemUTC())) {
            CompletableFuture.allOf(call.stream().map(type -> spool.append("berlin/" + callId, encode(event(callId, type))))
                    .toArray(CompletableFuture[]::new)).join();
        }

        int exit = drainSpool(directory.toString(), "--spring.kafka.bootstrap-servers=" + bootstrapServers());

        assertThat(exit).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Sent 3 events from " + directory, "0 left");
        List<ConsumerRecord<String, CtiEvent>> published = CtiEventsTopic.readToEnd(bootstrapServers(),
                event -> event.getCallId().equals(callId));
        assertThat(published).extracting(ConsumerRecord::key).containsOnly("berlin/" + callId);
        assertThat(published).extracting(record -> record.value().getEvent()).containsExactlyElementsOf(call);
        try (EventSpool drained = EventSpool.open(directory, 1024 * 1024, Clock.systemUTC())) {
            assertThat(drained.events()).isZero();
        }
    }

    @Test
    void shouldRefuseTheSpoolOfAnEdgeThatStillRuns() throws Exception {
        try (EventSpool running = EventSpool.open(directory, 1024 * 1024, Clock.systemUTC())) {
            int exit = drainSpool(directory.toString(), "--spring.kafka.bootstrap-servers=" + bootstrapServers());

            assertThat(exit).isEqualTo(2);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("is in use by another callstream edge");
        }
    }

    @Test
    void shouldSayHowToCallItWithoutADirectory() {
        assertThat(drainSpool()).isEqualTo(2);
        assertThat(drainSpool(directory.resolve("missing").toString())).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("usage: drain-spool SPOOL_DIRECTORY");
    }

    private int drainSpool(String... arguments) {
        String[] args = new String[arguments.length + 1];
        args[0] = SpoolDrainCommand.NAME;
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        return SpoolDrainCommand.run(args, out);
    }

    private static CtiEvent event(String callId, CallEventType type) {
        return CtiEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setSite("berlin").setEvent(type)
                .setCallId(callId).setReceivedAt(Instant.parse("2026-12-02T10:00:00Z")).build();
    }

    private static byte[] encode(CtiEvent event) {
        return AvroSerde.of(CtiEvent.class).serializer().serialize(Topics.CTI_EVENTS, event);
    }

    private static String bootstrapServers() {
        return SharedLocalKafka.broker().bootstrapServers();
    }
}
