package io.callstream.standalone.docker;

import java.nio.file.Path;
import java.util.UUID;

import io.callstream.ingress.IngressApplication;
import io.callstream.processor.ProcessorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        try (ConfigurableApplicationContext edge = new SpringApplicationBuilder(IngressApplication.class)
                .properties("spring.config.name=ingress")
                .run("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + kafka, "--callstream.processor.enabled=false",
                        "--callstream.ingress.spool.directory=" + state.resolve("spool"),
                        "--callstream.ingress.sites[0].id=default", "--callstream.ingress.sites[0].token=" + SITE_TOKEN);
                ConfigurableApplicationContext processor = new SpringApplicationBuilder(ProcessorApplication.class)
                        .properties("spring.config.name=processor")
                        .run("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
                                "--spring.kafka.bootstrap-servers=" + kafka, "--callstream.ingress.enabled=false",
                                "--callstream.processor.state-directory=" + state.resolve("streams"),
                                "--callstream.processor.advertised-host=127.0.0.1",
                                "--callstream.processor.api-token=" + API_TOKEN)) {
            ReadmeCalls.postAndExpectInTheCallerLog(base(edge), SITE_TOKEN, base(processor), API_TOKEN);
        }
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }
}
