package io.callstream.processor;

import static io.callstream.processor.calls.TestEvents.answer;
import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.processor.calls.TestEvents;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.HangupCause;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 the processor three times in the middle of a replay, start it again each time: every call
 * still has exactly one record per event it received (each event changes its record), no more, no
 * less, and the final records are right. 10,000 calls; 100,000 with {@code -Dcallstream.faults.full=true}.
 */
class ExactlyOnceIT {

    private static final int CALLS = Boolean.getBoolean("callstream.faults.full") ? 100_000 : 10_000;
    private static final int KILLS = 3;
    private static final int EVENTS_PER_CALL = 3;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void shouldHoldExactlyOneRecordPerEventAfterThreeKillsDuringReplay() throws Exception {
        String site = "eos" + UUID.randomUUID().toString().substring(0, 8);
        String applicationId = "processor-eos-" + site;
        Path stateDirectory = Files.createTempDirectory("streams-eos");
        produceCalls(site);

        for (int kill = 1; kill <= KILLS; kill++) {
            Process killed = startProcessor(applicationId, stateDirectory, "killed-" + kill);
            long seenAtKill;
            try (RecordCounter counter = new RecordCounter(site)) {
                seenAtKill = counter.awaitAtLeast((long) CALLS * EVENTS_PER_CALL * kill / (KILLS + 1), PATIENCE);
                killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(seenAtKill).as("records committed when the processor was killed the %d. time", kill)
                    .isLessThan((long) CALLS * EVENTS_PER_CALL);
        }

        Process second = startProcessor(applicationId, stateDirectory, "last");
        try (RecordCounter counter = new RecordCounter(site)) {
            counter.awaitAtLeast(CALLS * EVENTS_PER_CALL, PATIENCE);
            counter.drainFor(Duration.ofSeconds(3));

            assertThat(counter.recordsPerKey()).hasSize(CALLS);
            assertThat(counter.recordsPerKey().values()).as("records per call").containsOnly(EVENTS_PER_CALL);
            counter.latest().forEach((key, record) -> {
                int call = Integer.parseInt(record.getCallId().substring(1));
                assertThat(record.getOutcome()).as(key)
                        .isEqualTo(call % 2 == 0 ? CallOutcome.ANSWERED : CallOutcome.MISSED);
                assertThat(record.getEventsApplied()).as(key).isEqualTo(EVENTS_PER_CALL);
            });
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Even calls are answered; odd calls are missed and get a late answer, which changes only the count. */
    private static void produceCalls(String site) {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        List<Map.Entry<String, CtiEvent>> events = new ArrayList<>(CALLS * EVENTS_PER_CALL);
        for (int i = 0; i < CALLS; i++) {
            String callId = "c" + i;
            List<CtiEvent> call = i % 2 == 0
                    ? List.of(newCall(callId).in().from("4930" + i).at(0), answer(callId).in().users("Alice").at(5),
                            hangup(callId).in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(65))
                    : List.of(newCall(callId).in().from("4930" + i).at(0),
                            hangup(callId).in().cause("cancel", HangupCause.CANCEL).at(20),
                            answer(callId).in().users("Bob").at(21));
            for (CtiEvent event : call) {
                CtiEvent onSite = CtiEvent.newBuilder(event).setSite(site).setEventId(site + event.getEventId())
                        .setReceivedAt(start.plus(Duration.between(TestEvents.T0, event.getReceivedAt()))).build();
                events.add(Map.entry(site + "/" + callId, onSite));
            }
        }
        KafkaTopics.produce(bootstrap(), Topics.CTI_EVENTS, AvroSerde.of(CtiEvent.class).serializer(), events);
    }

    private static Process startProcessor(String applicationId, Path stateDirectory, String name) throws Exception {
        File log = Files.createTempFile("processor-" + name, ".log").toFile();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ProcessorApplication.class.getName(),
                "--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap(),
                "--callstream.processor.application-id=" + applicationId,
                "--callstream.processor.state-directory=" + stateDirectory,
                "--callstream.processor.advertised-host=127.0.0.1",
                "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static String bootstrap() {
        return SharedLocalKafka.broker().bootstrapServers();
    }

    /** Follows the committed records of one site on the records topic. */
    private static final class RecordCounter implements AutoCloseable {

        private final String keyPrefix;
        private final KafkaConsumer<String, CallRecord> consumer;
        private final Map<String, Integer> perKey = new HashMap<>();
        private final Map<String, CallRecord> latest = new HashMap<>();
        private long count;

        RecordCounter(String site) {
            this.keyPrefix = site + "/";
            this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(),
                    "isolation.level", "read_committed", "max.poll.records", 10_000),
                    new StringDeserializer(), AvroSerde.of(CallRecord.class).deserializer());
            List<TopicPartition> partitions = List.of();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                // The processor creates the records topic when it starts.
                partitions = consumer.partitionsFor(Topics.CALL_RECORDS, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(Topics.CALL_RECORDS, info.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        long awaitAtLeast(long wanted, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < wanted) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + count + " of " + wanted + " records within " + timeout);
                }
                poll();
            }
            return count;
        }

        void drainFor(Duration duration) {
            long until = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < until) {
                poll();
            }
        }

        Map<String, Integer> recordsPerKey() {
            return perKey;
        }

        Map<String, CallRecord> latest() {
            return latest;
        }

        private void poll() {
            for (ConsumerRecord<String, CallRecord> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.key().startsWith(keyPrefix)) {
                    perKey.merge(record.key(), 1, Integer::sum);
                    latest.put(record.key(), record.value());
                    count++;
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
