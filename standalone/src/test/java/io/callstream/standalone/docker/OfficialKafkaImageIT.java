package io.callstream.standalone.docker;

import java.nio.file.Path;
import java.util.UUID;

import io.callstream.standalone.SeparateApplications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * For machines with Docker (skipped without): the edge and the processor against the official
 * {@code apache/kafka} image instead of the in-process broker, with the README's call.
 */
@Testcontainers(disabledWithoutDocker = true)
class OfficialKafkaImageIT {

    private static final String SITE_TOKEN = "docker-site-token-" + UUID.randomUUID();
    private static final String API_TOKEN = "docker-api-token-" + UUID.randomUUID();

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @TempDir
    Path state;

    @Test
    void shouldRecordTheReadmesCallThroughTheOfficialImage() throws Exception {
        String kafka = KAFKA.getBootstrapServers();
        try (ConfigurableApplicationContext edge = SeparateApplications.edge(kafka, state.resolve("spool"),
                        "callstream.ingress.sites[0].id=default", "callstream.ingress.sites[0].token=" + SITE_TOKEN);
                ConfigurableApplicationContext processor = SeparateApplications.processor(kafka, state.resolve("streams"),
                        "callstream.processor.api-token=" + API_TOKEN)) {
            ReadmeCalls.postAndExpectInTheCallerLog(SeparateApplications.base(edge), SITE_TOKEN,
                    SeparateApplications.base(processor), API_TOKEN);
        }
    }
}
