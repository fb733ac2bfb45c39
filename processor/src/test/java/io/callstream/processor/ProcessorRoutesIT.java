package io.callstream.processor;

import static io.callstream.web.api.ApiRoutesInspection.documentedOperations;
import static io.callstream.web.api.ApiRoutesInspection.guardedRoutes;
import static io.callstream.web.api.ApiRoutesInspection.propertiesNotInSnakeCase;
import static io.callstream.web.api.ApiRoutesInspection.routersOutsideApiRoutes;
import static io.callstream.web.api.ApiRoutesInspection.routes;
import static io.callstream.web.api.ApiRoutesInspection.samplePath;
import static io.callstream.web.api.ApiRoutesInspection.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallStats;
import io.callstream.schema.StatsDimension;
import io.callstream.schema.Topics;
import io.callstream.web.api.Guard;
import io.callstream.web.api.Route;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor deployed alone: its one router, every route behind the API token, documented on its own. */
class ProcessorRoutesIT {

    @TempDir
    static Path stateDirectory;

    private static ProcessorInstance processor;

    @BeforeAll
    static void start() {
        processor = ProcessorInstance.start(SharedLocalKafka.broker().bootstrapServers(),
                "processor-routes-it-" + UUID.randomUUID(), stateDirectory);
        await().atMost(Duration.ofSeconds(60)).until(() -> processor.readiness() == 200);
    }

    @AfterAll
    static void stop() {
        processor.close();
    }

    @Test
    void shouldDeclareEveryRouteWithItsGuard() {
        assertThat(routes(processor.context())).containsExactly(
                "GET /api/v1/cti/log API_TOKEN",
                "GET /api/v1/calls/active API_TOKEN",
                "GET /api/v1/calls/{site}/{callId} API_TOKEN",
                "POST /api/v1/calls/{site}/{callId}/done API_TOKEN",
                "POST /api/v1/contacts API_TOKEN",
                "PUT /api/v1/contacts/{number} API_TOKEN",
                "GET /api/v1/contacts/{number} API_TOKEN",
                "DELETE /api/v1/contacts/{number} API_TOKEN",
                "GET /api/v1/stats API_TOKEN",
                "GET /api/v1/stats/today API_TOKEN",
                "GET /api/v1/stats/sites API_TOKEN",
                "GET /api/v1/schemas API_TOKEN",
                "GET /api/v1/schemas/{fingerprint} API_TOKEN",
                "GET /api/v1/live API_TOKEN",
                "GET /wallboard PUBLIC",
                "GET /wallboard/{file} PUBLIC");
        assertThat(routersOutsideApiRoutes(processor.context())).as("routers whose routes declare no guard").isEmpty();
    }

    @Test
    void shouldRefuseEveryRouteButTheWallboardsFilesWithoutTheApiTokenAndWithAnotherOne() {
        for (Route route : guardedRoutes(processor.context())) {
            if (route.guard() == Guard.PUBLIC) {
                assertThat(route.path()).startsWith("/wallboard");
                continue;
            }
            String method = route.method().name();
            assertThat(processor.request(method, samplePath(route), null)).as(route.toString())
                    .startsWith("401 ").contains("Send the API token as 'Authorization: Bearer <token>'.");
            assertThat(processor.request(method, samplePath(route), "Bearer it-admin-token")).as(route.toString())
                    .startsWith("401 ").contains("The API token is not valid.");
        }
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndBadQueriesWithProblemDetails() {
        String token = "Bearer " + ProcessorInstance.API_TOKEN;

        assertThat(processor.request("GET", "/api/v1/nothing", token)).startsWith("404 ").contains("\"errors\":[]");
        assertThat(processor.request("PATCH", "/api/v1/contacts/4930", token)).startsWith("405 ")
                .contains("This path takes PUT, GET, DELETE.");
        assertThat(processor.request("GET", "/api/v1/cti/log?limit=0&missed=maybe", token)).startsWith("400 ")
                .contains("{\"field\":\"missed\",\"message\":\"must be true or false\"}")
                .contains("{\"field\":\"limit\",\"message\":\"must be a number from 1 to 1000\"}");
        await().atMost(Duration.ofSeconds(30)).alias("404 once the stores are queryable (503 during a rebalance)")
                .until(() -> processor.request("GET", "/api/v1/calls/default/no-such-call", token),
                        answer -> answer.startsWith("404 ") && answer.contains("\"errors\":[]"));
    }

    @Test
    void shouldServeTheWallboardsFilesToAnyoneAndNothingElseUnderItsPath() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(processor.base() + "/wallboard")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'", "connect-src 'self'");
        assertThat(page.body()).contains("<title>callstream wallboard</title>", "wallboard/chart.umd.min.js");

        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(processor.base() + "/wallboard")).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as("unchanged since the browser's copy").isEqualTo(304);

        assertThat(processor.getWithoutToken("/wallboard/chart.umd.min.js")).startsWith("200 ").contains("Chart.js v");
        assertThat(processor.getWithoutToken("/wallboard/wallboard.js")).startsWith("200 ").contains("/api/v1/live");
        assertThat(processor.getWithoutToken("/wallboard/wallboard.css")).startsWith("200 ");
        assertThat(processor.getWithoutToken("/wallboard/index.html")).startsWith("404 ");
        assertThat(processor.getWithoutToken("/wallboard/..%2Fprocessor.yml")).startsWith("404 ");
        assertThat(processor.getWithoutToken("/api/v1/stats/sites")).startsWith("401 ");
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.get("/api/v1/stats/sites"),
                answer -> answer.startsWith("200 ["));
    }

    @Test
    void shouldResolveTheFingerprintInTheHeaderOfARecordToItsWriterSchema() {
        byte[] record = AvroSerde.of(CallStats.class).serializer().serialize(Topics.CALL_STATS, CallStats.newBuilder()
                .setSite("s").setDimension(StatsDimension.SITE).setInterval("1h").setWindowStart(Instant.EPOCH)
                .setWindowEnd(Instant.EPOCH).setTimeZone("UTC").setServiceLevelThresholdSeconds(20).setOffered(0)
                .setAnswered(0).setMissed(0).setAbandonedShort(0).setRejected(0).setTimedOut(0).setOutbound(0)
                .setOutboundConnected(0).setTalkSeconds(0).setOutboundTalkSeconds(0).setWaitBuckets(List.of())
                .setPeakConcurrent(0).build());
        String fingerprint = HexFormat.of().formatHex(record, 2, 10);

        assertThat(processor.get("/api/v1/schemas")).startsWith("200 ")
                .contains("{\"name\":\"io.callstream.schema.CallStats\",\"version\":1,\"fingerprint\":\"" + fingerprint
                        + "\",\"internal\":false}")
                .contains("\"name\":\"io.callstream.schema.internal.CallHistory\"");
        String schema = processor.get("/api/v1/schemas/" + fingerprint);
        assertThat(schema).startsWith("200 ");
        assertThat(SchemaNormalization.parsingFingerprint64(new org.apache.avro.Schema.Parser().parse(schema.substring(4))))
                .as("the schema the record was written with").isEqualTo(SchemaNormalization.parsingFingerprint64(
                        CallStats.getClassSchema()));
        assertThat(processor.get("/api/v1/schemas/0000000000000000")).startsWith("404 ");
    }

    @Test
    void shouldServeItsOwnApiDocumentWithThePropertyNamesTheApiSpeaks() {
        String openApi = processor.getManagement("/actuator/openapi");
        assertThat(openApi).startsWith("200 ");
        String document = openApi.substring(4);

        assertThat(documentedOperations(document)).containsExactlyInAnyOrderElementsOf(guardedRoutes(processor.context())
                .stream().map(route -> route.method().name() + " " + route.path()).toList());
        assertThat(schema(document, "CallView").path("properties").has("from_comment")).isTrue();
        assertThat(propertiesNotInSnakeCase(document, Set.of())).isEmpty();
    }
}
