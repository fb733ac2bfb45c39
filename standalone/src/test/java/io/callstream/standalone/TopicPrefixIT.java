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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.kafka.local.TopicContents;
import io.callstream.schema.TopicNames;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two deployments sharing a cluster: with {@code callstream.topic-prefix} the edge and the processor
 * of one deployment create, write and read only their own prefixed topics.
 */
class TopicPrefixIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String API_TOKEN = "prefix-it-api-token";

    @TempDir
    Path state;

    @Test
    void shouldKeepADeploymentsEventsRecordsAndSitesOnItsOwnPrefixedTopics() throws Exception {
        String kafka = SharedLocalKafka.broker().bootstrapServers();
        String prefix = "team" + UUID.randomUUID().toString().substring(0, 8) + ".";
        TopicNames topics = new TopicNames(prefix);
        String token = "prefix-token-" + UUID.randomUUID();
        String callId = "prefixed-" + UUID.randomUUID();
        try (ConfigurableApplicationContext edge = SeparateApplications.edge(kafka, state.resolve("spool"),
                        "callstream.topic-prefix=" + prefix,
                        "callstream.ingress.sites[0].id=default", "callstream.ingress.sites[0].token=" + token);
                ConfigurableApplicationContext processor = SeparateApplications.processor(kafka, state.resolve("streams"),
                        "callstream.topic-prefix=" + prefix,
                        "callstream.processor.application-id=" + prefix + "processor",
                        "callstream.processor.api-token=" + API_TOKEN)) {
            for (String form : List.of("event=newCall&from=493055571600&to=4930111&direction=in&callId=" + callId,
                    "event=hangup&direction=in&cause=cancel&callId=" + callId)) {
                int status = await().atMost(Duration.ofSeconds(60)).until(() -> post(edge, token, form), s -> s != 503);
                assertThat(status).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(callerLog(processor))
                    .contains("\"call_id\":\"" + callId + "\""));

            assertThat(keys(kafka, topics.ctiEvents())).contains("default/" + callId);
            assertThat(keys(kafka, topics.callRecords())).anyMatch(key -> key.startsWith("default/" + callId + "/"));
            assertThat(keys(kafka, topics.sites())).contains("default");
            assertThat(keys(kafka, Topics.CTI_EVENTS)).as("the unprefixed deployment's topic")
                    .doesNotContain("default/" + callId);
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka))) {
                Set<String> created = admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix))
                        .collect(Collectors.toSet());
                assertThat(created).contains(topics.ctiEvents(), topics.sites(), topics.callRecords(), topics.callStats(),
                        topics.callCommands(), topics.contacts(), topics.deadLetters());
            }
        }
    }

    private static int post(ConfigurableApplicationContext edge, String token, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(edge) + "/api/v1/cti/" + token))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String callerLog(ConfigurableApplicationContext processor) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(processor) + "/api/v1/cti/log"))
                .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Every key on the topic, from the beginning to its end as of now. */
    private static List<String> keys(String bootstrapServers, String topic) {
        return TopicContents.read(bootstrapServers, topic, new StringDeserializer(), new ByteArrayDeserializer()).stream()
                .map(ConsumerRecord::key).toList();
    }
}
