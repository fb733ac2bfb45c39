package io.callstream.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.callstream.kafka.local.LocalKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * How long a rule change takes to reach the other edge instance: a real broker, two instances, a
 * block entry added through instance 1's admin API, then instance 2 polled every millisecond until
 * it rejects the caller. Prints the distribution of (first reject on instance 2) minus (admin API
 * answered on instance 1), and the admin API's own latency. Ceiling in the same run, on the same broker:
 * Kafka alone doing what a rule change needs (a transactional write committed, a {@code read_committed}
 * consumer seeing it), with a {@code ratio} line for each.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.callstream.benchmarks.RulePropagation [changes]
 * </pre>
 */
public final class RulePropagation {

    private static final String ADMIN_TOKEN = "propagation-admin-token";
    private static final String REJECT = "{\"action\":\"reject\",\"reason\":\"busy\"}";

    private RulePropagation() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        HttpClient http = HttpClient.newHttpClient();
        Path spools = Files.createTempDirectory("rule-propagation-spools");
        try (LocalKafkaBroker broker = LocalKafkaBroker.startEphemeral(Map.of());
             ConfigurableApplicationContext first = edge(broker, spools.resolve("1"));
             ConfigurableApplicationContext second = edge(broker, spools.resolve("2"))) {
            String one = base(first);
            String two = base(second);
            String created = send(http, admin(one, "POST", "", "{\"id\":\"bench\"}"));
            Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(created);
            if (!token.find()) {
                throw new IllegalStateException("no token in " + created);
            }
            List<Long> propagation = new ArrayList<>();
            List<Long> adminAnswer = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                String caller = "4917150" + String.format("%05d", i);
                long sent = System.nanoTime();
                send(http, admin(one, "POST", "/bench/block-list", "{\"caller_id\":\"" + caller + "\"}"));
                long answered = System.nanoTime();
                while (!send(http, newCall(two, token.group(1), caller)).equals(REJECT)) {
                    Thread.sleep(1);
                }
                propagation.add((System.nanoTime() - answered) / 1_000);
                adminAnswer.add((answered - sent) / 1_000);
            }
            print("admin API answer (write confirmed on instance 1)", adminAnswer);
            print("visible on instance 2 after that answer", propagation);
            KafkaAlone kafka = KafkaAlone.measure(broker.bootstrapServers(), changes);
            print("ceiling: Kafka alone, transactional write committed", kafka.committed());
            print("ceiling: Kafka alone, read_committed consumer sees it", kafka.seen());
            printRatio("admin API answer / Kafka's committed write", adminAnswer, kafka.committed());
            printRatio("visible on instance 2 / Kafka's consumer sees it", propagation, kafka.seen());
        } finally {
            FileSystemUtils.deleteRecursively(spools);
        }
    }

    /** Kafka's own part of a rule change, in microseconds: the writer's transaction, then a replica's consumer. */
    private record KafkaAlone(List<Long> committed, List<Long> seen) {

        static KafkaAlone measure(String bootstrapServers, int changes) throws Exception {
            String topic = "propagation-ceiling-" + UUID.randomUUID();
            TopicPartition partition = new TopicPartition(topic, 0);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            List<Long> committed = new ArrayList<>();
            List<Long> seen = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                         ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic), new StringSerializer(), new StringSerializer());
                 KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                         ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                         new StringDeserializer())) {
                producer.initTransactions();
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition);
                for (int i = 0; i < changes; i++) {
                    long sent = System.nanoTime();
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>(topic, "bench", "change " + i));
                    producer.commitTransaction();
                    long done = System.nanoTime();
                    while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                        // until the committed change arrives
                    }
                    seen.add((System.nanoTime() - done) / 1_000);
                    committed.add((done - sent) / 1_000);
                }
            }
            return new KafkaAlone(committed, seen);
        }
    }

    /** @param spool each edge instance needs a spool of its own (a second one refuses a directory in use) */
    private static ConfigurableApplicationContext edge(LocalKafkaBroker broker, Path spool) {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties("spring.config.name=ingress", "callstream.processor.enabled=false")
                .run("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--callstream.ingress.admin.token=" + ADMIN_TOKEN,
                        "--callstream.ingress.spool.directory=" + spool,
                        "--logging.level.root=WARN");
    }

    private static String base(ConfigurableApplicationContext context) throws InterruptedException {
        String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        var store = context.getBean(io.callstream.sites.store.SiteStore.class);
        if (!store.awaitReady(java.time.Duration.ofMinutes(1))) {
            throw new IllegalStateException("instance not ready");
        }
        return base;
    }

    private static HttpRequest admin(String base, String method, String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/sites" + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static HttpRequest newCall(String base, String token, String caller) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/cti/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("event=newCall&direction=in&to=4930&from=" + caller
                        + "&callId=" + UUID.randomUUID()))
                .build();
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void print(String what, List<Long> micros) {
        Latencies measured = Latencies.ofMicros(micros);
        System.out.printf("%-50s n=%d  p50=%.1f ms  p90=%.1f ms  p99=%.1f ms  max=%.1f ms%n", what, measured.count(),
                measured.at(0.50), measured.at(0.90), measured.at(0.99), measured.max());
    }

    private static void printRatio(String what, List<Long> measuredMicros, List<Long> ceilingMicros) {
        Latencies measured = Latencies.ofMicros(measuredMicros);
        Latencies ceiling = Latencies.ofMicros(ceilingMicros);
        System.out.printf("== ratio (%s): p50 %.2f, p99 %.2f%n", what, measured.at(0.50) / ceiling.at(0.50),
                measured.at(0.99) / ceiling.at(0.99));
    }
}
