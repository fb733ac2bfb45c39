package io.callstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.callstream.kafka.local.SharedLocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./callstream events} before there are any: it says so and ends, even when told to follow. */
class EventsCommandIT {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldEndWithoutCreatingTheTopicWhenThereIsNone() throws Exception {
        String bootstrap = SharedLocalKafka.broker().bootstrapServers();
        String topic = "absent-" + UUID.randomUUID() + ".callstream.cti-events.v1";
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exitCode = EventsCommand.run(bootstrap, topic, true, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);
        }
    }
}
