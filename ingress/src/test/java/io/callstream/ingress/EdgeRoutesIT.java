package io.callstream.ingress;

import static io.callstream.web.api.ApiRoutesInspection.documentedOperations;
import static io.callstream.web.api.ApiRoutesInspection.guardedRoutes;
import static io.callstream.web.api.ApiRoutesInspection.propertiesNotInSnakeCase;
import static io.callstream.web.api.ApiRoutesInspection.routersOutsideApiRoutes;
import static io.callstream.web.api.ApiRoutesInspection.routes;
import static io.callstream.web.api.ApiRoutesInspection.samplePath;
import static io.callstream.web.api.ApiRoutesInspection.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.web.api.Guard;
import io.callstream.web.api.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The edge's one router: every route with its guard, enforced, documented, and problem details for the rest. */
class EdgeRoutesIT {

    private static EdgeInstance edge;

    @BeforeAll
    static void start() {
        edge = EdgeInstance.start(SharedLocalKafka.broker().bootstrapServers());
        await().atMost(Duration.ofSeconds(60)).until(() -> edge.readiness() == 200);
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    @Test
    void shouldDeclareEveryRouteWithItsGuard() {
        assertThat(routes(edge.context())).containsExactly(
                "POST /api/v1/cti/{token} SITE_TOKEN",
                "GET /api/v1/admin/sites ADMIN_TOKEN",
                "POST /api/v1/admin/sites ADMIN_TOKEN",
                "GET /api/v1/admin/sites/{siteId} ADMIN_TOKEN",
                "PUT /api/v1/admin/sites/{siteId} ADMIN_TOKEN",
                "POST /api/v1/admin/sites/{siteId}/disable ADMIN_TOKEN",
                "POST /api/v1/admin/sites/{siteId}/enable ADMIN_TOKEN",
                "POST /api/v1/admin/sites/{siteId}/token ADMIN_TOKEN",
                "GET /api/v1/admin/sites/{siteId}/block-list ADMIN_TOKEN",
                "PUT /api/v1/admin/sites/{siteId}/block-list ADMIN_TOKEN",
                "POST /api/v1/admin/sites/{siteId}/block-list ADMIN_TOKEN",
                "DELETE /api/v1/admin/sites/{siteId}/block-list/{callerId} ADMIN_TOKEN",
                "GET /api/v1/admin/sites/{siteId}/routing ADMIN_TOKEN",
                "PUT /api/v1/admin/sites/{siteId}/routing ADMIN_TOKEN",
                "POST /api/v1/admin/sites/{siteId}/routing ADMIN_TOKEN",
                "DELETE /api/v1/admin/sites/{siteId}/routing/{dest} ADMIN_TOKEN",
                "GET /api/v1/admin/sites/{siteId}/default-caller-id ADMIN_TOKEN",
                "PUT /api/v1/admin/sites/{siteId}/default-caller-id ADMIN_TOKEN",
                "GET /api/v1/admin/sites/{siteId}/forwarding ADMIN_TOKEN",
                "PUT /api/v1/admin/sites/{siteId}/forwarding ADMIN_TOKEN",
                "DELETE /api/v1/admin/sites/{siteId}/forwarding ADMIN_TOKEN",
                "GET /api/v1/admin/sites/{siteId}/zammad-settings ADMIN_TOKEN",
                "POST /api/v1/admin/sites/{siteId}/zammad-settings ADMIN_TOKEN",
                "* /api/v1/cti/{token} PUBLIC");
        assertThat(routersOutsideApiRoutes(edge.context())).as("routers whose routes declare no guard").isEmpty();
    }

    @Test
    void shouldRefuseEveryGuardedRouteWithoutItsTokenAndWithAnotherOne() {
        for (Route route : guardedRoutes(edge.context())) {
            String method = route.method().name();
            if (route.guard() == Guard.SITE_TOKEN) {
                assertThat(edge.request(method, samplePath(route), null)).as(route.toString())
                        .isEqualTo("401 {\"error\":\"Invalid token, please contact your admin!\"}");
            } else {
                assertThat(route.guard()).isEqualTo(Guard.ADMIN_TOKEN);
                assertThat(edge.request(method, samplePath(route), null)).as(route.toString())
                        .startsWith("401 ").contains("\"status\":401");
                assertThat(edge.request(method, samplePath(route), "Bearer it-api-token")).as(route.toString())
                        .startsWith("401 ").contains("The admin token is not valid.");
            }
        }
    }

    @Test
    void shouldAnswerUnknownPathsAndMethodsWithProblemDetailsAndTheCtiPathInZammadsShape() {
        assertThat(edge.request("GET", "/api/v1/nothing", null)).startsWith("404 ")
                .contains("\"title\":\"Not Found\"").contains("\"errors\":[]");
        assertThat(edge.request("PATCH", "/api/v1/admin/sites", "Bearer " + EdgeInstance.ADMIN_TOKEN))
                .startsWith("405 ").contains("This path takes GET, POST.").contains("\"errors\":[]");
        assertThat(edge.request("GET", "/api/v1/cti/some-token", null))
                .isEqualTo("405 {\"error\":\"Method not allowed: CTI events are sent with POST.\"}");
    }

    @Test
    void shouldAnswerAdminErrorsInTheSameShape() {
        assertThat(edge.admin("POST", "", "{not json")).startsWith("400 ").contains("\"errors\":[]")
                .contains("not JSON of the expected shape");
        assertThat(edge.admin("POST", "/default/routing?position=first", "{\"dest\":\"41*\",\"caller_id\":\"4930\"}"))
                .startsWith("400 ").contains("{\"field\":\"position\",\"message\":\"must be a whole number\"}");
        assertThat(edge.admin("GET", "/no-such-site", null)).startsWith("404 ").contains("\"errors\":[]");
    }

    @Test
    void shouldDocumentEveryRouteWithThePropertyNamesTheApiSpeaks() {
        String openApi = edge.getManagement("/actuator/openapi");
        assertThat(openApi).startsWith("200 ");
        String document = openApi.substring(4);

        assertThat(document).contains("\"openapi\":\"3.1.0\"");
        assertThat(documentedOperations(document)).containsExactlyInAnyOrderElementsOf(guardedRoutes(edge.context())
                .stream().map(route -> route.method().name() + " " + route.path()).toList());
        assertThat(schema(document, "BlockEntry").path("properties").has("caller_id")).isTrue();
        assertThat(schema(document, "BlockEntry").path("properties").has("callerId")).isFalse();
        assertThat(propertiesNotInSnakeCase(document, Set.of("CtiEvent")))
                .as("only the PBX's own parameters (callId, answeringNumber) are not snake_case").isEmpty();
        assertThat(schema(document, "CtiEvent").path("properties").has("callId")).isTrue();
    }
}
