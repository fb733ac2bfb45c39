package io.callstream.standalone.docker;

import java.io.File;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * For machines with Docker (skipped without): {@code docker-compose.yml} itself, images built from
 * this checkout, brought up by Testcontainers; the README's call through its edge, read back from
 * its processor. Takes minutes (the images build the project).
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeIT {

    private static final String SITE_TOKEN = "compose-" + UUID.randomUUID().toString().replace("-", "");
    private static final String API_TOKEN = "compose-api-" + UUID.randomUUID().toString().replace("-", "");
    private static final Duration START = Duration.ofMinutes(15);

    @Container
    static final ComposeContainer COMPOSE = new ComposeContainer(new File("../docker-compose.yml"))
            .withBuild(true)
            .withEnv("CALLSTREAM_TOKEN", SITE_TOKEN)
            .withEnv("CALLSTREAM_API_TOKEN", API_TOKEN)
            .withExposedService("ingress", 3000, Wait.forHealthcheck().withStartupTimeout(START))
            .withExposedService("processor", 3001, Wait.forHealthcheck().withStartupTimeout(START));

    @Test
    void shouldRecordTheReadmesCallThroughTheComposeSetUp() throws Exception {
        ReadmeCalls.postAndExpectInTheCallerLog(url("ingress", 3000), SITE_TOKEN, url("processor", 3001), API_TOKEN);
    }

    private static String url(String service, int port) {
        return "http://" + COMPOSE.getServiceHost(service, port) + ":" + COMPOSE.getServicePort(service, port);
    }
}
