package io.callstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/prometheus} of a running launcher after a call: Kafka's client and Streams
 * metrics with consumer lag, the processor's and the spool's meters; and the Grafana dashboard in
 * {@code ops/grafana} only asks for metrics the launcher exports.
 */
class MetricsIT {

    private static final Path DASHBOARD = Path.of("..", "ops", "grafana", "callstream-dashboard.json");
    /** Metric names in PromQL: ours, Kafka's, the JVM's. Label names and functions do not match. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:callstream|kafka|jvm|process)_[a-z0-9_]+)");

    @TempDir
    static Path dataDirectory;

    private static ConfigurableApplicationContext running;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        running = CallstreamLauncher.start(new LaunchSettings(Optional.empty(), dataDirectory, 0, Optional.empty(),
                Optional.empty()), "--server.port=0", "--management.server.port=0");
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void shouldExportKafkaClientAndStreamsMetricsWithLagAndTheProcessorsOwnMeters() throws Exception {
        String scrape = scrapeAfterACall();

        assertThat(names(scrape)).contains(
                "kafka_producer_record_send_total",
                "kafka_consumer_fetch_manager_records_lag_max",
                "kafka_consumer_fetch_manager_records_consumed_total",
                "kafka_stream_thread_process_total",
                "kafka_stream_thread_punctuate_latency_avg",
                "callstream_processor_records_total",
                "callstream_processor_active_calls",
                "callstream_processor_dead_letters_total",
                "callstream_spool_events",
                "callstream_spool_drained_events_total",
                "callstream_cti_publish_seconds_bucket");
        assertThat(scrape).contains("callstream_processor_records_total{outcome=\"missed\"}")
                .containsPattern("kafka_producer_record_send_total\\{client_id=\"callstream-ingress-[^\"]*\"")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"[^\"]*StreamThread-1-consumer\"");
    }

    @Test
    void shouldOnlyAskForMetricsTheLauncherExportsInTheGrafanaDashboard() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asString().equals("row")) {
                continue;
            }
            assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
            panel.get("targets").forEach(target -> queries.add(target.get("expr").asString()));
        }
        Set<String> asked = new TreeSet<>();
        queries.forEach(query -> {
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                asked.add(metric.group(1));
            }
        });

        Set<String> exported = names(scrapeAfterACall());

        assertThat(queries).hasSizeGreaterThan(15);
        assertThat(asked).isNotEmpty().allSatisfy(name -> assertThat(exported).as("exported by the launcher").contains(name));
    }

    /** Posts a call that ends unanswered, waits until the processor recorded it, and scrapes. */
    private static String scrapeAfterACall() throws Exception {
        String token = Files.readString(dataDirectory.resolve(PersistedToken.DEFAULT_SITE)).trim();
        for (String form : List.of("event=newCall&from=493055571600&to=4930111&direction=in&callId=metrics-1",
                "event=hangup&direction=in&cause=cancel&callId=metrics-1")) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base("local.server.port")
                            + "/api/v1/cti/" + token)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        return await().atMost(Duration.ofSeconds(30)).until(MetricsIT::scrape,
                scrape -> scrape.contains("callstream_processor_records_total{outcome=\"missed\"}"));
    }

    private static String scrape() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base("local.management.port") + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Set<String> names(String scrape) {
        return scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String base(String portProperty) {
        return "http://127.0.0.1:" + running.getEnvironment().getProperty(portProperty);
    }
}
