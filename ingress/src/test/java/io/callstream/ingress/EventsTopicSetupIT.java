package io.callstream.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.callstream.ingress.eventstopic.EventsTopicSetup;
import io.callstream.kafka.local.LocalKafkaBroker;
import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * The events topic is created as configured and never resized: a partition count other than the
 * existing one stops the edge's start with a message saying what to set. Nothing is sent to it before
 * it exists, even when Kafka arrives after the edge started.
 */
class EventsTopicSetupIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** The edge's one attempt to make the topic at start waits five publish timeouts for Kafka. */
    private static final Duration WARMUP_GIVES_UP = Duration.ofSeconds(6);

    @Test
    void shouldCreateAMissingTopicAndAcceptItAsItIs() throws Exception {
        String topic = "events-setup-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            EventsTopicSetup setup = new EventsTopicSetup(admin, new NewTopic(topic, 3, (short) 1));

            assertThat(setup.ensure(PATIENCE)).isEqualTo(3);
            assertThat(setup.ensure(PATIENCE)).isEqualTo(3);
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(3);
        }
    }

    @Test
    void shouldRefuseToChangeTheCountOfAnExistingTopic() throws Exception {
        String topic = "events-setup-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();

            assertThatThrownBy(() -> new EventsTopicSetup(admin, new NewTopic(topic, 6, (short) 1)).ensure(PATIENCE))
                    .isInstanceOf(EventsTopicSetup.PartitionCountMismatchException.class)
                    .hasMessageContaining(topic + " has 2 partitions")
                    .hasMessageContaining("callstream.ingress.events-topic.partitions=2");
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                    .as("left as it was").hasSize(2);
        }
    }

    @Test
    void shouldNotStartAnEdgeConfiguredForAnotherPartitionCountThanTheEventsTopicHas() throws Exception {
        String bootstrap = SharedLocalKafka.broker().bootstrapServers();
        // The topic as every other test's edge creates it (6 partitions), if none did yet.
        EdgeInstance.start(bootstrap).close();

        assertThatThrownBy(() -> EdgeInstance.start(bootstrap, "callstream.ingress.events-topic.partitions=7"))
                .hasStackTraceContaining("has 6 partitions, but callstream.ingress.events-topic.partitions is 7");
    }

    @Test
    void shouldCreateTheTopicAsConfiguredWhenKafkaArrivesAfterTheEdge() throws Exception {
        String token = "late-kafka-token-" + UUID.randomUUID();
        // A broker as Kafka ships: it creates a topic a producer merely asks for, with one partition.
        try (LocalKafkaBroker kafka = LocalKafkaBroker.startEphemeral(Map.of("auto.create.topics.enable", "true"))) {
            kafka.stop();
            try (EdgeInstance edge = EdgeInstance.start(kafka.bootstrapServers(), "callstream.ingress.publish-timeout=1s",
                    "callstream.ingress.sites[0].id=late", "callstream.ingress.sites[0].token=" + token)) {
                Thread.sleep(WARMUP_GIVES_UP.toMillis());
                kafka.start();

                String answer = await().atMost(Duration.ofSeconds(60)).until(
                        () -> edge.cti(token, "event=newCall&from=4930111&to=4930222&direction=in&callId=late-1"),
                        reply -> !reply.startsWith("503"));

                assertThat(answer).isEqualTo("200 {}");
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                    assertThat(admin.describeTopics(List.of(Topics.CTI_EVENTS)).allTopicNames().get()
                            .get(Topics.CTI_EVENTS).partitions()).as("as configured, not the broker's default").hasSize(6);
                }
            }
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", SharedLocalKafka.broker().bootstrapServers()));
    }
}
