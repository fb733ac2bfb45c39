package io.callstream.standalone;

import static io.callstream.web.api.ApiRoutesInspection.documentedOperations;
import static io.callstream.web.api.ApiRoutesInspection.guardedRoutes;
import static io.callstream.web.api.ApiRoutesInspection.propertiesNotInSnakeCase;
import static io.callstream.web.api.ApiRoutesInspection.routersOutsideApiRoutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The README's promise: start everything, post Zammad's sample call, read it back from Kafka. */
class StandaloneIT {

    private static final String ZAMMAD_DOCS_NEW_CALL =
            "event=newCall&from=493055571600&to=491711234567890&direction=in&callId=123456&user[]=Alice&user[]=Bob";

    @TempDir
    Path dataDirectory;

    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void shouldAcceptZammadsSampleCallAndShowItOnTheEventsTopic() throws Exception {
        LaunchSettings settings = new LaunchSettings(Optional.empty(), dataDirectory, 0, Optional.empty(), Optional.empty());
        running = CallstreamLauncher.start(settings, "--server.port=0", "--management.server.port=0");
        String token = Files.readString(dataDirectory.resolve(PersistedToken.DEFAULT_SITE)).trim();

        HttpResponse<String> response = post(token, ZAMMAD_DOCS_NEW_CALL);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode = EventsCommand.run(bootstrapServers(), false, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(exitCode).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("default/123456 {")
                .contains("\"event\": \"NEW_CALL\"")
                .contains("\"users\": [\"Alice\", \"Bob\"]");
    }

    @Test
    void shouldShowZammadsSampleSequenceInTheCallerLogWithItsTimes() throws Exception {
        LaunchSettings settings = new LaunchSettings(Optional.empty(), dataDirectory, 0, Optional.empty(), Optional.empty());
        running = CallstreamLauncher.start(settings, "--server.port=0", "--management.server.port=0");
        String token = Files.readString(dataDirectory.resolve(PersistedToken.DEFAULT_SITE)).trim();
        String adminToken = Files.readString(dataDirectory.resolve(PersistedToken.ADMIN)).trim();

        assertThat(post(token, ZAMMAD_DOCS_NEW_CALL).body()).isEqualTo("{}");
        Thread.sleep(1_100);
        assertThat(post(token, "event=answer&callId=123456&user=Alice&from=493055571600&to=491711234567890&direction=in")
                .body()).isEqualTo("{}");
        Thread.sleep(2_100);
        assertThat(post(token, "event=hangup&callId=123456&cause=normalClearing&from=493055571600&to=491711234567890"
                + "&direction=in").body()).isEqualTo("{}");

        String log = awaitLog(adminToken, "\"state\":\"hangup\"");
        assertThat(log).contains("\"call_id\":\"123456\"", "\"outcome\":\"answered\"", "\"done\":true",
                "\"duration_waiting_time\":1", "\"duration_talking_time\":2", "\"from\":\"493055571600\"");
    }

    @Test
    void shouldKeepTheDefaultSitesTokenAndTheEventsAcrossRestarts() throws Exception {
        LaunchSettings settings = new LaunchSettings(Optional.empty(), dataDirectory, 0, Optional.empty(), Optional.empty());
        running = CallstreamLauncher.start(settings, "--server.port=0", "--management.server.port=0");
        String token = Files.readString(dataDirectory.resolve(PersistedToken.DEFAULT_SITE)).trim();
        assertThat(post(token, ZAMMAD_DOCS_NEW_CALL).statusCode()).isEqualTo(200);
        running.close();

        running = CallstreamLauncher.start(settings, "--server.port=0", "--management.server.port=0");

        assertThat(post(token, "event=hangup&callId=123456&cause=normalClearing").body()).isEqualTo("{}");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EventsCommand.run(bootstrapServers(), false, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("NEW_CALL").contains("HANGUP");
    }

    @Test
    void shouldUseTheTokenGivenInTheEnvironment() throws Exception {
        LaunchSettings settings = new LaunchSettings(Optional.empty(), dataDirectory, 0, Optional.of("given-token-1234"), Optional.empty());
        running = CallstreamLauncher.start(settings, "--server.port=0", "--management.server.port=0");

        assertThat(post("given-token-1234", ZAMMAD_DOCS_NEW_CALL).statusCode()).isEqualTo(200);
        assertThat(post("some-other-token", ZAMMAD_DOCS_NEW_CALL).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRunTheEdgeAloneWithOneSwitch() throws Exception {
        LaunchSettings settings = new LaunchSettings(Optional.empty(), dataDirectory, 0, Optional.empty(), Optional.empty());
        running = CallstreamLauncher.start(settings, "--server.port=0", "--management.server.port=0",
                "--callstream.standalone.processor=false");
        String token = Files.readString(dataDirectory.resolve(PersistedToken.DEFAULT_SITE)).trim();

        assertThat(post(token, ZAMMAD_DOCS_NEW_CALL).body()).isEqualTo("{}");
        // Readiness reads the Kafka probe's latest result, which may predate the topics by one interval.
        String readiness = await().atMost(Duration.ofSeconds(30)).until(() -> management("/actuator/health/readiness"),
                answer -> answer.startsWith("200 "));
        assertThat(readiness).doesNotContain("\"streams\"");
        assertThat(get("/api/v1/calls/active").statusCode()).as("no processor, no query API").isEqualTo(404);
    }

    @Test
    void shouldRunTheProcessorBesideTheEdgeInReadinessAndInOneApiDocument() throws Exception {
        LaunchSettings settings = new LaunchSettings(Optional.empty(), dataDirectory, 0, Optional.empty(), Optional.empty());
        running = CallstreamLauncher.start(settings, "--server.port=0", "--management.server.port=0");

        // The spool, not Kafka, decides the edge's readiness: while Kafka is away the edge spools.
        assertThat(management("/actuator/health/readiness")).startsWith("200 ").contains("\"streams\"")
                .contains("\"spool\"").contains("\"sites\"").doesNotContain("\"kafka\"");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").headers().firstValue("Content-Type")).hasValue("application/problem+json");

        List<String> operations = guardedRoutes(running).stream()
                .map(route -> route.method().name() + " " + route.path()).toList();
        assertThat(operations).as("the processor's 16 routes and the edge's 23").hasSize(39)
                .contains("GET /api/v1/cti/log", "POST /api/v1/contacts", "GET /api/v1/stats", "POST /api/v1/cti/{token}",
                        "PUT /api/v1/admin/sites/{siteId}/block-list", "GET /wallboard");
        assertThat(routersOutsideApiRoutes(running)).isEmpty();
        String openApi = management("/actuator/openapi");
        assertThat(openApi).startsWith("200 ");
        assertThat(documentedOperations(openApi.substring(4))).containsExactlyInAnyOrderElementsOf(operations);
        assertThat(propertiesNotInSnakeCase(openApi.substring(4), Set.of("CtiEvent"))).isEmpty();
    }

    @Test
    void shouldRefuseASecondLauncherOnTheSameDataDirectoryAndKeepServing() throws Exception {
        LaunchSettings settings = new LaunchSettings(Optional.empty(), dataDirectory, 0, Optional.empty(), Optional.empty());
        running = CallstreamLauncher.start(settings, "--server.port=0", "--management.server.port=0");
        String token = Files.readString(dataDirectory.resolve(PersistedToken.DEFAULT_SITE)).trim();

        try (LauncherProcess second = LauncherProcess.start(dataDirectory)) {
            assertThat(second.awaitExit(Duration.ofSeconds(60))).hasValue(2);
            assertThat(second.output()).contains("The data directory " + dataDirectory.toAbsolutePath()
                    + " is in use by another callstream (process " + ProcessHandle.current().pid() + ")");
        }
        assertThat(post(token, ZAMMAD_DOCS_NEW_CALL).body()).isEqualTo("{}");
    }

    @Test
    void shouldStopWithinTheBoundOnSigtermAndLetTheNextOneIn() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(dataDirectory)) {
            assertThat(launcher.awaitReady(Duration.ofMinutes(2))).as(launcher.output()).isTrue();
            assertThat(launcher.output()).as("the banner names the wallboard").containsPattern("Wallboard: +http://localhost:[0-9]+/wallboard ");

            long stopping = System.nanoTime();
            launcher.terminate();

            assertThat(launcher.awaitExit(BoundedShutdown.LIMIT.plusSeconds(10))).as("exit code after SIGTERM").isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(BoundedShutdown.LIMIT.plusSeconds(10));
        }
        try (DataDirectoryLock next = DataDirectoryLock.acquire(dataDirectory)) {
            assertThat(next).isNotNull();
        }
    }

    private String awaitLog(String adminToken, String wanted) throws Exception {
        String port = running.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cti/log"))
                .header("Authorization", "Bearer " + adminToken).GET().build();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(wanted)) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("caller log never showed " + wanted + ": " + body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        String port = running.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String management(String path) throws Exception {
        String port = running.getEnvironment().getProperty("local.management.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private String bootstrapServers() {
        return running.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
    }

    private HttpResponse<String> post(String token, String form) throws Exception {
        return PbxPosts.post("http://127.0.0.1:" + running.getEnvironment().getProperty("local.server.port"), token, form);
    }
}
