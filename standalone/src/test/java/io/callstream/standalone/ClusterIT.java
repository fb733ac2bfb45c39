package io.callstream.standalone;

import static io.callstream.standalone.SeparateApplications.base;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.callstream.ingress.spool.EventSpool;
import io.callstream.kafka.local.LocalKafkaCluster;
import io.callstream.kafka.local.TopicContents;
import io.callstream.processor.config.ProcessorStreams;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * callstream on a real three-node Kafka cluster (each node a JVM of its own; replication factor 3,
 * {@code min.insync.replicas=2}) with two edges and two processors: calls spread over the
 * partitions, both processors own tasks and answer queries alike; a broker stopped under load costs
 * no request (each answered 200 within the publish timeout); a processor leaving hands its tasks to
 * the other, and every call still has exactly one record per event.
 */
class ClusterIT {

    private static final String API_TOKEN = "cluster-it-api-token";
    private static final List<String> CALL = List.of("newCall&direction=in&from=4930123&to=4930999",
            "answer&direction=in&user=Alice", "hangup&direction=in&cause=normalClearing");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(4);

    @TempDir
    static Path directory;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SITE = "cluster" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TOKEN = "cluster-token-" + UUID.randomUUID();
    private static LocalKafkaCluster cluster;
    private static final List<ConfigurableApplicationContext> edges = new ArrayList<>();
    private static final List<ConfigurableApplicationContext> processors = new ArrayList<>();

    private record Answer(int status, Duration took) {
    }

    @BeforeAll
    static void start() {
        cluster = LocalKafkaCluster.start(directory.resolve("kafka"), 3);
        String applicationId = "cluster-it-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            edges.add(edge(i));
        }
        for (int i = 0; i < 2; i++) {
            processors.add(processor(applicationId, i));
        }
    }

    @AfterAll
    static void stop() {
        processors.forEach(ConfigurableApplicationContext::close);
        edges.forEach(ConfigurableApplicationContext::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldShareTheWorkSurviveABrokerGoingAwayUnderLoadAndAProcessorLeavingWithoutLosingOrDoublingARecord()
            throws Exception {
        await().atMost(PATIENCE).alias("both edges serve the site").until(() ->
                post(edges.get(0), "event=answer&callId=warm-up-0").status() == 200
                        && post(edges.get(1), "event=answer&callId=warm-up-1").status() == 200);
        assertReplicated(Topics.CTI_EVENTS);

        postCalls("a", 120, Duration.ofMillis(20), -1, -1);
        await().atMost(PATIENCE).alias("both processors own tasks").until(() ->
                processors.stream().allMatch(processor -> !activeTasks(processor).isEmpty()));
        Set<String> tasks = new HashSet<>();
        processors.forEach(processor -> tasks.addAll(activeTasks(processor)));
        assertThat(partitionsWithEvents("a")).as("partitions holding the calls' events").hasSizeGreaterThanOrEqualTo(4);
        awaitRecords("a", 120);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(query(processors.get(0), callerLog()))
                .isEqualTo(query(processors.get(1), callerLog())).contains("\"call_id\":\"a119\""));

        int broker = aBrokerThatIsNotTheActiveController();
        long spooledBefore = spooled();
        ConcurrentLinkedQueue<Answer> answers = postCalls("b", 200, Duration.ofMillis(100), 50, broker);
        List<Long> millis = answers.stream().map(answer -> answer.took().toMillis()).sorted().toList();
        System.out.printf("== broker %d of 3 stopped under load: %d requests, p50 %d ms, p99 %d ms, max %d ms, spooled %d%n",
                broker + 1, millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() * 99 / 100),
                millis.get(millis.size() - 1), spooled() - spooledBefore);
        assertThat(answers).hasSize(200 * CALL.size()).extracting(Answer::status).containsOnly(200);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.took()).isLessThan(PUBLISH_TIMEOUT));
        // Whether the spool took over for a moment depends on how long the leaders took to move on this
        // machine (0 events in three runs here, 35 and 36 in two where a move took 2 s); it is printed above, and
        // what the PBX and the records see is asserted: every request answered 200 within the timeout,
        // every call recorded once per event.
        awaitRecords("b", 200);

        processors.remove(1).close();
        await().atMost(PATIENCE).alias("the remaining processor owns every task").until(() ->
                activeTasks(processors.get(0)).containsAll(tasks));
        postCalls("c", 100, Duration.ofMillis(20), -1, -1);
        awaitRecords("c", 100);
        for (String calls : List.of("a", "b", "c")) {
            assertThat(records(calls).values()).as("records per call of %s", calls)
                    .allSatisfy(perCall -> assertThat(perCall).hasSize(CALL.size()));
        }
    }

    /**
     * Posts {@code calls} calls, one every {@code every}, alternating between the edges; stops
     * {@code broker} (SIGTERM) after the {@code stopBrokerAfter}th call and starts it again at the end.
     */
    private static ConcurrentLinkedQueue<Answer> postCalls(String prefix, int calls, Duration every, int stopBrokerAfter,
            int broker) throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService pbx = Executors.newFixedThreadPool(32);
        long started = System.nanoTime();
        try {
            for (int call = 0; call < calls; call++) {
                Thread.sleep(Math.max(0, (started + every.toNanos() * call - System.nanoTime()) / 1_000_000));
                if (call == stopBrokerAfter) {
                    pbx.submit(() -> cluster.stop(broker));
                }
                ConfigurableApplicationContext edge = edges.get(call % 2);
                String callId = prefix + call;
                pbx.submit(() -> {
                    for (String event : CALL) {
                        Answer answer = post(edge, "event=" + event + "&callId=" + callId);
                        answers.add(answer);
                        if (answer.status() != 200) {
                            return;
                        }
                    }
                });
            }
        } finally {
            pbx.shutdown();
            pbx.awaitTermination(120, TimeUnit.SECONDS);
        }
        if (stopBrokerAfter >= 0) {
            cluster.restart(broker);
        }
        return answers;
    }

    private static long spooled() {
        return edges.stream().mapToLong(edge -> edge.getBean(EventSpool.class).appendedTotal()).sum();
    }

    private static Answer post(ConfigurableApplicationContext edge, String form) {
        long started = System.nanoTime();
        try {
            int status = HTTP.send(HttpRequest.newBuilder(URI.create(base(edge) + "/api/v1/cti/" + TOKEN))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Answer(status, Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception e) {
            return new Answer(-1, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String query(ConfigurableApplicationContext processor, String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base(processor) + path))
                .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    private static String callerLog() {
        return "/api/v1/cti/log?site=" + SITE + "&limit=500";
    }

    private static Set<String> activeTasks(ConfigurableApplicationContext processor) {
        Set<String> tasks = new HashSet<>();
        processor.getBean(ProcessorStreams.class).streams().filter(streams -> streams.state() == KafkaStreams.State.RUNNING)
                .ifPresent(streams -> {
                    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                        thread.activeTasks().forEach(task -> tasks.add(task.taskId().toString()));
                    }
                });
        return tasks;
    }

    /**
     * A broker whose stop moves only partition leaders: stopping the active controller also takes a
     * controller election (about a second here), during which no leader moves.
     */
    private static int aBrokerThatIsNotTheActiveController() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            int controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
            return controller == 3 ? 1 : 2;
        }
    }

    private static void assertReplicated(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
        }
    }

    private static Set<Integer> partitionsWithEvents(String prefix) {
        Set<Integer> partitions = new HashSet<>();
        TopicContents.read(cluster.bootstrapServers(), Topics.CTI_EVENTS, new StringDeserializer(),
                        AvroSerde.of(CtiEvent.class).deserializer()).stream()
                .filter(record -> record.key().startsWith(SITE + "/" + prefix))
                .forEach(record -> partitions.add(record.partition()));
        return partitions;
    }

    private static void awaitRecords(String prefix, int calls) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).alias(calls + " calls " + prefix + "* recorded")
                .until(() -> records(prefix), records -> records.size() == calls
                        && records.values().stream().allMatch(perCall -> perCall.size() >= CALL.size()));
    }

    /** Every committed record of the site's calls whose id starts with {@code prefix}, per call. */
    private static Map<String, List<CallRecord>> records(String prefix) {
        Map<String, List<CallRecord>> perCall = new HashMap<>();
        for (ConsumerRecord<String, CallRecord> record : TopicContents.readCommitted(cluster.bootstrapServers(),
                Topics.CALL_RECORDS, new StringDeserializer(), AvroSerde.of(CallRecord.class).deserializer())) {
            if (record.key().startsWith(SITE + "/" + prefix)) {
                perCall.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
            }
        }
        return perCall;
    }

    private static ConfigurableApplicationContext edge(int instance) {
        return SeparateApplications.edge(cluster.bootstrapServers(), directory.resolve("spool-" + instance),
                // As the README advises on a cluster: a hand-over (half of it) above a leader move.
                "callstream.ingress.publish-timeout=" + PUBLISH_TIMEOUT.toSeconds() + "s",
                "callstream.ingress.sites[0].id=" + SITE, "callstream.ingress.sites[0].token=" + TOKEN);
    }

    private static ConfigurableApplicationContext processor(String applicationId, int instance) {
        return SeparateApplications.processor(cluster.bootstrapServers(), directory.resolve("streams-" + instance),
                "callstream.processor.application-id=" + applicationId,
                "callstream.processor.api-token=" + API_TOKEN);
    }
}
