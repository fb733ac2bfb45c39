package io.callstream.benchmarks;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.callstream.kafka.local.LocalKafkaBroker;
import io.callstream.processor.config.ProcessorStreams;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallEventType;
import io.callstream.schema.CallProgress;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CallStats;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Direction;
import io.callstream.schema.HangupCause;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.tools.ConsumerPerformance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The processor against the raw consumer rate of the same broker, in one run: N pre-produced
 * events (calls of three events) are read once by Kafka's ConsumerPerformance and once replayed by
 * the real processor (exactly-once, RocksDB stores), first with statistics, then without. With
 * statistics, live calls then measure the time from the hangup's publication to its committed call record.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.callstream.benchmarks.ProcessorThroughput [events] [live calls]
 * </pre>
 */
public final class ProcessorThroughput {

    private static final String SITE = "bench";
    private static final int PARTITIONS = 6;

    private ProcessorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int liveCalls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        try (LocalKafkaBroker broker = LocalKafkaBroker.startEphemeral(Map.of())) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(Topics.CTI_EVENTS, PARTITIONS, (short) 1))).all().get();
            }
            long produceStart = System.nanoTime();
            produce(bootstrap, events);
            report("produced", events, System.nanoTime() - produceStart);

            System.out.println("== raw consumer (Kafka's ConsumerPerformance) on the same topic");
            ConsumerPerformance.main(new String[] {"--bootstrap-server", bootstrap, "--topic", Topics.CTI_EVENTS,
                    "--messages", String.valueOf(events), "--timeout", "60000", "--group", "raw-" + UUID.randomUUID()});

            // With statistics first: they read the call-records topic from its start, which must hold only their own run's.
            double with = replay(bootstrap, events, true, liveCalls);
            double without = replay(bootstrap, events, false, 0);
            System.out.printf("== replay with statistics / without: %.2f%n", with / without);
        }
    }

    /**
     * Replays the topic through a fresh processor (its own application id and stores) until every input of
     * the application, the statistics' internal topics included, stopped moving; then measures live calls.
     */
    private static double replay(String bootstrap, int events, boolean statistics, int liveCalls) throws Exception {
        String applicationId = "bench-processor-" + (statistics ? "with" : "without") + "-statistics";
        System.out.println("== processor replay (exactly-once, RocksDB), statistics " + (statistics ? "on" : "off"));
        try (ConfigurableApplicationContext processor = startProcessor(bootstrap, applicationId, statistics)) {
            awaitRunning(processor);
            long replayStart = System.nanoTime();
            long replayEnd = awaitQuiet(bootstrap, applicationId);
            double rate = report("processor replay, statistics " + (statistics ? "on" : "off"), events,
                    replayEnd - replayStart);
            if (liveCalls > 0) {
                measureLatency(bootstrap, liveCalls);
            }
            return rate;
        }
    }

    private static void produce(String bootstrap, int events) {
        Instant start = Instant.now().minus(Duration.ofDays(1));
        try (KafkaProducer<String, CtiEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", 20, "batch.size", 262_144, "compression.type", "lz4"), new StringSerializer(),
                AvroSerde.of(CtiEvent.class).serializer())) {
            for (int i = 0; i < events / 3; i++) {
                String callId = "c" + i;
                Instant at = start.plusMillis(i);
                producer.send(record(callId, CallEventType.NEW_CALL, at, null));
                producer.send(record(callId, CallEventType.ANSWER, at.plusSeconds(5), null));
                producer.send(record(callId, CallEventType.HANGUP, at.plusSeconds(65), "normalClearing"));
            }
            producer.flush();
        }
    }

    private static ProducerRecord<String, CtiEvent> record(String callId, CallEventType type, Instant at, String cause) {
        CtiEvent event = CtiEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSite(SITE)
                .setEvent(type)
                .setCallId(callId)
                .setDirection(Direction.IN)
                .setFrom("493055571600")
                .setTo("491711234567890")
                .setFromNormalized("493055571600")
                .setToNormalized("491711234567890")
                .setUsers(List.of("Alice", "Bob"))
                .setCause(cause)
                .setNormalizedCause(cause == null ? null : HangupCause.NORMAL_CLEARING)
                .setReceivedAt(at)
                .build();
        return new ProducerRecord<>(Topics.CTI_EVENTS, SITE + "/" + callId, event);
    }

    private static ConfigurableApplicationContext startProcessor(String bootstrap, String applicationId,
            boolean statistics) throws Exception {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties("spring.config.name=processor", "callstream.ingress.enabled=false")
                .run("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--callstream.processor.application-id=" + applicationId,
                        "--callstream.processor.statistics-enabled=" + statistics,
                        "--callstream.processor.state-directory=" + Files.createTempDirectory("bench-streams"),
                        "--logging.level.root=WARN");
    }

    private static KafkaStreams awaitRunning(ConfigurableApplicationContext processor) throws InterruptedException {
        ProcessorStreams processorStreams = processor.getBean(ProcessorStreams.class);
        while (processorStreams.streams().map(streams -> streams.state() != KafkaStreams.State.RUNNING).orElse(true)) {
            Thread.sleep(20);
        }
        return processorStreams.streams().orElseThrow();
    }

    /**
     * Waits until the events topic is consumed to its end and none of the application's committed offsets
     * (events, and with statistics the call records and the repartition topic they feed) moved for 3 s;
     * returns when they last moved. Transaction markers make "committed equals end" unreliable on the
     * application's own topics, hence the quiet period.
     */
    private static long awaitQuiet(String bootstrap, String applicationId) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                latest.put(new TopicPartition(Topics.CTI_EVENTS, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> seen = Map.of();
            long lastMove = System.nanoTime();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
                if (!committed.equals(seen)) {
                    seen = committed;
                    lastMove = System.nanoTime();
                }
                Map<TopicPartition, OffsetAndMetadata> now = committed;
                boolean eventsDone = ends.entrySet().stream().allMatch(end -> now.containsKey(end.getKey())
                        && now.get(end.getKey()).offset() >= end.getValue().offset());
                if (eventsDone && System.nanoTime() - lastMove > Duration.ofSeconds(3).toNanos()) {
                    return lastMove;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Live calls at about 100 per second: newCall, then hangup; time from sending the hangup to its
     * record, and to the first statistics of today that count it.
     */
    private static void measureLatency(String bootstrap, int calls) throws Exception {
        Map<String, Long> hangupSentAt = new ConcurrentHashMap<>();
        List<Long> hangupsInOrder = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> statisticsLatencies = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> readHangups(bootstrap, hangupSentAt, latencies, calls));
        Thread statisticsReader = new Thread(() -> readStatistics(bootstrap, hangupsInOrder, statisticsLatencies, calls));
        reader.start();
        statisticsReader.start();
        Thread.sleep(2_000);
        try (KafkaProducer<String, CtiEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", 0, "acks", "all"), new StringSerializer(), AvroSerde.of(CtiEvent.class).serializer())) {
            for (int i = 0; i < calls; i++) {
                String callId = "live" + i;
                Instant now = Instant.now();
                producer.send(record(callId, CallEventType.NEW_CALL, now, null)).get();
                long sent = System.nanoTime();
                hangupSentAt.put(SITE + "/" + callId + "/1", sent);
                hangupsInOrder.add(sent);
                producer.send(record(callId, CallEventType.HANGUP, now.plusMillis(1), "cancel")).get();
                Thread.sleep(10);
            }
        }
        reader.join(Duration.ofMinutes(2).toMillis());
        statisticsReader.join(Duration.ofMinutes(1).toMillis());
        print("hangup -> committed call record", latencies);
        print("hangup -> today's statistics count it", statisticsLatencies);
    }

    private static void print(String what, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("== %s: nothing seen%n", what);
            return;
        }
        System.out.printf("== %s, %d live calls: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                sorted.size(), at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Today's (UTC) statistics of the site count the live calls in the order their hangups were sent. */
    private static void readStatistics(String bootstrap, List<Long> hangupsInOrder, List<Long> latencies, int calls) {
        String today = SITE + "/site/1d/" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).atStartOfDay(
                java.time.ZoneOffset.UTC).toInstant();
        try (KafkaConsumer<String, CallStats> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "isolation.level", "read_committed", "group.id", "statistics-latency-" + UUID.randomUUID(),
                "auto.offset.reset", "latest"), new StringDeserializer(), AvroSerde.of(CallStats.class).deserializer())) {
            consumer.subscribe(List.of(Topics.CALL_STATS));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            int counted = 0;
            while (counted < calls && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CallStats> record : consumer.poll(Duration.ofMillis(10))) {
                    if (!record.key().equals(today)) {
                        continue;
                    }
                    long now = System.nanoTime();
                    while (counted < record.value().getOffered() && counted < hangupsInOrder.size()) {
                        latencies.add(now - hangupsInOrder.get(counted++));
                    }
                }
            }
        }
    }

    private static void readHangups(String bootstrap, Map<String, Long> sentAt, List<Long> latencies, int calls) {
        try (KafkaConsumer<String, CallRecord> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "isolation.level", "read_committed", "group.id", "latency-" + UUID.randomUUID(),
                "auto.offset.reset", "latest"), new StringDeserializer(), AvroSerde.of(CallRecord.class).deserializer())) {
            consumer.subscribe(List.of(Topics.CALL_RECORDS));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (latencies.size() < calls && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CallRecord> record : consumer.poll(Duration.ofMillis(10))) {
                    Long sent = sentAt.remove(record.key());
                    if (sent != null && record.value().getState() == CallProgress.HANGUP) {
                        latencies.add(System.nanoTime() - sent);
                    } else if (sent != null) {
                        sentAt.put(record.key(), sent);
                    }
                }
            }
        }
    }

    private static double at(List<Long> sorted, double percentile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(percentile * sorted.size()) - 1)) / 1e6;
    }

    private static double report(String what, long events, long nanos) {
        double rate = events / (nanos / 1e9);
        System.out.printf("== %s: %d events in %.1f s = %.0f events/s%n", what, events, nanos / 1e9, rate);
        return rate;
    }
}
