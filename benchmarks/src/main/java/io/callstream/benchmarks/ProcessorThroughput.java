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
 * Last, the same events through Kafka Streams alone with 0 to N stores ({@link StreamsCeiling}): how
 * far exactly-once stores themselves bring the rate down, the processor's logic aside.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.callstream.benchmarks.ProcessorThroughput [events] [live calls]
 * </pre>
 */
public final class ProcessorThroughput {

    private static final String SITE = "bench";
    private static final int PARTITIONS = 6;
    /** A replay that commits nothing for this long has failed; the benchmark stops instead of waiting for ever. */
    private static final Duration STALLED = Duration.ofMinutes(2);

    private ProcessorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int liveCalls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<String> processorArgs = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        try (LocalKafkaBroker broker = LocalKafkaBroker.startEphemeral(Map.of())) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(Topics.CTI_EVENTS, PARTITIONS, (short) 1))).all().get();
            }
            long produceStart = System.nanoTime();
            produce(bootstrap, events);
            report("produced", events, System.nanoTime() - produceStart);

            double ceiling = rawConsumerRate(bootstrap, events);

            // With statistics first: they read the call-records topic from its start, which must hold only their own run's.
            Replay with = replay(bootstrap, events, true, liveCalls, processorArgs);
            System.out.printf("== ratio (processor with every topology, after warm-up) / ceiling: %.3f%n",
                    with.warmRate() / ceiling);
            if (!Boolean.getBoolean("bench.skipWithout")) {
                Replay without = replay(bootstrap, events, false, 0, processorArgs);
                System.out.printf("== replay with statistics / without (after warm-up): %.2f%n",
                        with.warmRate() / without.warmRate());
            }
            for (String stores : System.getProperty("bench.streamsCurve", "0,1,4,9").split(",")) {
                if (stores.isBlank()) {
                    continue;
                }
                Replay streams = StreamsCeiling.replay(bootstrap, events, Integer.parseInt(stores.strip()));
                System.out.printf("== ratio (processor with every topology, after warm-up) / Kafka Streams alone with "
                        + "%s store(s): %.3f%n", stores.strip(), with.warmRate() / streams.warmRate());
            }
        }
    }

    /**
     * Kafka's ConsumerPerformance on the same topic: the ceiling. Its CSV line ends with the messages per
     * second of fetching, start-up and group join excluded.
     */
    private static double rawConsumerRate(String bootstrap, int events) throws Exception {
        System.out.println("== ceiling: a plain consumer (Kafka's ConsumerPerformance) on the same topic");
        java.io.PrintStream console = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            ConsumerPerformance.main(new String[] {"--bootstrap-server", bootstrap, "--topic", Topics.CTI_EVENTS,
                    "--messages", String.valueOf(events), "--timeout", "60000", "--group", "raw-" + UUID.randomUUID()});
        } finally {
            System.setOut(console);
        }
        String[] lines = captured.toString(java.nio.charset.StandardCharsets.UTF_8).strip().split("\\R");
        String[] fields = lines[lines.length - 1].split(",");
        double rate = Double.parseDouble(fields[fields.length - 1].strip());
        System.out.printf("== ceiling: %.0f events/s%n", rate);
        return rate;
    }

    /** Events per second over the whole replay, and over its second half (the JIT warmed up by the first). */
    record Replay(double rate, double warmRate) {
    }

    /**
     * Replays the topic through a fresh processor (its own application id and stores) until every input of
     * the application, the statistics' internal topics included, stopped moving; then measures live calls.
     */
    private static Replay replay(String bootstrap, int events, boolean statistics, int liveCalls, List<String> processorArgs)
            throws Exception {
        String applicationId = "bench-processor-" + (statistics ? "with" : "without") + "-statistics";
        System.out.println("== processor replay (exactly-once, RocksDB), statistics " + (statistics ? "on" : "off"));
        try (ConfigurableApplicationContext processor = startProcessor(bootstrap, applicationId, statistics, processorArgs)) {
            awaitRunning(processor);
            long replayStart = System.nanoTime();
            Progress progress = awaitQuiet(bootstrap, applicationId, events);
            double rate = report("processor replay, statistics " + (statistics ? "on" : "off"), events,
                    progress.end() - replayStart);
            double warmRate = report("  second half (after warm-up)", events - progress.eventsAtHalf(),
                    progress.end() - progress.half());
            printWrites(bootstrap, applicationId, events);
            System.out.println("== resident memory of this JVM (broker, processor and benchmark): " + residentMemory());
            if (liveCalls > 0) {
                measureLatency(bootstrap, liveCalls);
            }
            return new Replay(rate, warmRate);
        }
    }

    private static String residentMemory() throws java.io.IOException {
        return Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB")
                .findFirst().orElse("unknown");
    }

    /** What the replay wrote per input event, topic by topic (offsets, so transaction markers included). */
    private static void printWrites(String bootstrap, String applicationId, int events) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(applicationId) || topic.equals(Topics.CALL_RECORDS)
                            || topic.equals(Topics.CALL_STATS))
                    .sorted().toList();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(partition -> latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
            Map<String, Long> written = new java.util.TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) ->
                    written.merge(partition.topic().replace(applicationId + "-", ""), end.offset(), Long::sum));
            written.forEach((topic, offsets) -> System.out.printf("   writes per event: %.2f %s%n", (double) offsets / events, topic));
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
            boolean statistics, List<String> processorArgs) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--callstream.processor.application-id=" + applicationId,
                        "--callstream.processor.statistics-enabled=" + statistics,
                        "--callstream.processor.state-directory=" + Files.createTempDirectory("bench-streams"),
                        "--logging.level.root=WARN"));
        arguments.addAll(processorArgs);
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties("spring.config.name=processor", "callstream.ingress.enabled=false")
                .run(arguments.toArray(String[]::new));
    }

    private static KafkaStreams awaitRunning(ConfigurableApplicationContext processor) throws InterruptedException {
        ProcessorStreams processorStreams = processor.getBean(ProcessorStreams.class);
        while (processorStreams.streams().map(streams -> streams.state() != KafkaStreams.State.RUNNING).orElse(true)) {
            Thread.sleep(20);
        }
        return processorStreams.streams().orElseThrow();
    }

    /** When the processor had committed at least half of the events (and how many), and when it was done. */
    record Progress(long half, long eventsAtHalf, long end) {
    }

    /**
     * Waits until the events topic is consumed to its end and none of the application's committed offsets
     * (events, and with statistics the call records and the repartition topic they feed) moved for 3 s;
     * the end is when they last moved. Transaction markers make "committed equals end" unreliable on the
     * application's own topics, hence the quiet period.
     */
    static Progress awaitQuiet(String bootstrap, String applicationId, int events) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                latest.put(new TopicPartition(Topics.CTI_EVENTS, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> seen = Map.of();
            long lastMove = System.nanoTime();
            long half = 0;
            long eventsAtHalf = 0;
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
                if (!committed.equals(seen)) {
                    seen = committed;
                    lastMove = System.nanoTime();
                }
                Map<TopicPartition, OffsetAndMetadata> now = committed;
                long eventsCommitted = ends.keySet().stream().filter(now::containsKey)
                        .mapToLong(partition -> now.get(partition).offset()).sum();
                if (half == 0 && eventsCommitted >= events / 2) {
                    half = System.nanoTime();
                    eventsAtHalf = eventsCommitted;
                    SteadyStateProfile.start();
                }
                boolean eventsDone = ends.entrySet().stream().allMatch(end -> now.containsKey(end.getKey())
                        && now.get(end.getKey()).offset() >= end.getValue().offset());
                if (eventsDone && System.nanoTime() - lastMove > Duration.ofSeconds(3).toNanos()) {
                    SteadyStateProfile.stop(applicationId);
                    return new Progress(half, eventsAtHalf, lastMove);
                }
                if (!eventsDone && System.nanoTime() - lastMove > STALLED.toNanos()) {
                    throw new IllegalStateException(applicationId + " committed nothing for " + STALLED
                            + " with events left: it failed (see its log above)");
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
        if (latencies.isEmpty()) {
            System.out.printf("== %s: nothing seen%n", what);
            return;
        }
        Latencies measured = Latencies.ofNanos(latencies);
        System.out.printf("== %s, %d live calls: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                measured.count(), measured.at(0.50), measured.at(0.90), measured.at(0.99), measured.max());
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


    static double report(String what, long events, long nanos) {
        double rate = events / (nanos / 1e9);
        System.out.printf("== %s: %d events in %.1f s = %.0f events/s%n", what, events, nanos / 1e9, rate);
        return rate;
    }
}
