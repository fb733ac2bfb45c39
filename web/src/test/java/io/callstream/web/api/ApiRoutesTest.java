package io.callstream.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class ApiRoutesTest {

    private static final String TOKEN = "a-token-of-the-test";

    private final ApiRoutes routes = ApiRoutes.builder(ProblemMapping.builder()
                    .map(IllegalStateException.class, HttpStatus.CONFLICT)
                    .map(IllegalArgumentException.class, failure -> ApiProblem.invalid(
                            List.of(new Violation("limit", failure.getMessage()))))
                    .build())
            .enforce(Guard.API_TOKEN, new BearerTokenGuard("API token", "test", TOKEN))
            .otherMethods("/open", request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).bodyValue("own 405"))
            .GET("/open", Guard.PUBLIC, request -> ServerResponse.ok().bodyValue("open"), ApiOperation.of("open", "Open"))
            .GET("/items/{id}", Guard.API_TOKEN, request -> ServerResponse.ok().bodyValue("item " + request.pathVariable("id")),
                    ApiOperation.of("item", "An item"))
            .DELETE("/items/{id}", Guard.API_TOKEN, request -> Mono.error(new IllegalStateException("in use")),
                    ApiOperation.of("deleteItem", "Delete an item"))
            .POST("/items", Guard.API_TOKEN, request -> {
                throw new IllegalArgumentException("must be 1 to 10");
            }, ApiOperation.of("addItem", "Add an item"))
            .PUT("/items/{id}", Guard.API_TOKEN, request -> Mono.error(new UnsupportedOperationException("a bug")),
                    ApiOperation.of("putItem", "Replace an item"))
            .GET("/gone", Guard.PUBLIC, request -> Mono.error(new IOException("Connection reset by peer")),
                    ApiOperation.of("gone", "A client that went away"))
            .build();

    private final WebTestClient client = WebTestClient.bindToRouterFunction(routes)
            .handlerStrategies(HandlerStrategies.empty().codecs(codecs -> codecs.registerDefaults(true))
                    .exceptionHandler(new UnroutedRequestProblems(routes::table, JsonMapper.shared())).build())
            .build();

    @Test
    void shouldListEveryRouteWithItsGuardInRoutingOrder() {
        assertThat(routes.table()).map(Route::toString).containsExactly(
                "GET /open PUBLIC",
                "GET /items/{id} API_TOKEN",
                "DELETE /items/{id} API_TOKEN",
                "POST /items API_TOKEN",
                "PUT /items/{id} API_TOKEN",
                "GET /gone PUBLIC",
                "* /open PUBLIC");
    }

    @Test
    void shouldRefuseARouteThatNeedsAGuardTheRouterDoesNotEnforce() {
        ApiRoutes.Builder builder = ApiRoutes.builder(ProblemMapping.builder().build());

        assertThatThrownBy(() -> builder.GET("/admin", Guard.ADMIN_TOKEN, request -> ServerResponse.ok().build(),
                ApiOperation.of("admin", "Admin"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("ADMIN_TOKEN");
    }

    @Test
    void shouldLetPublicRoutesThrough() {
        client.get().uri("/open").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("open");
    }

    @Test
    void shouldLetAGuardedRouteThroughWithItsToken() {
        client.get().uri("/items/7").header("Authorization", "Bearer " + TOKEN).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("item 7");
    }

    @Test
    void shouldRefuseAGuardedRouteWithoutItsTokenOrWithAnother() {
        client.get().uri("/items/7").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"test\"")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.errors").isEmpty();
        client.get().uri("/items/7").header("Authorization", "Bearer not-" + TOKEN).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("The API token is not valid.");
        client.get().uri("/items/7").header("Authorization", "Basic " + TOKEN).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void shouldRefuseEverythingWhenNoTokenIsConfigured() {
        ApiRoutes off = ApiRoutes.builder(ProblemMapping.builder().build())
                .enforce(Guard.API_TOKEN, new BearerTokenGuard("API token", "test", " "))
                .GET("/items", Guard.API_TOKEN, request -> ServerResponse.ok().build(), ApiOperation.of("items", "Items"))
                .build();

        WebTestClient.bindToRouterFunction(off).build().get().uri("/items").header("Authorization", "Bearer  ")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("This API is disabled: no API token is configured.");
    }

    @Test
    void shouldAnswerTheApplicationsOwnFailuresAsItMapsThem() {
        client.delete().uri("/items/7").header("Authorization", "Bearer " + TOKEN).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("in use").jsonPath("$.title").isEqualTo("Conflict");
        client.post().uri("/items").header("Authorization", "Bearer " + TOKEN).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit")
                .jsonPath("$.errors[0].message").isEqualTo("must be 1 to 10");
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWith500ProblemDetailsWithoutItsMessage() {
        client.put().uri("/items/7").header("Authorization", "Bearer " + TOKEN).exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).value(body -> assertThat(body).contains("\"status\":500").doesNotContain("a bug"));
    }

    @Test
    void shouldLeaveAFailureOfTheTransportToTheWebLayer() {
        client.get().uri("/gone").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().doesNotExist("Content-Type");
    }

    @Test
    void shouldAnswerAnUnknownPathWith404ProblemDetails() {
        client.get().uri("/nothing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.errors").isArray();
    }

    @Test
    void shouldAnswerAnotherMethodOnAKnownPathWith405AndTheAllowedMethods() {
        client.patch().uri("/items/7").exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().valueEquals("Allow", "GET,DELETE,PUT")
                .expectBody().jsonPath("$.detail").isEqualTo("This path takes GET, DELETE, PUT.");
    }

    @Test
    void shouldLetAPathAnswerOtherMethodsItself() {
        client.post().uri("/open").exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED).expectBody(String.class).isEqualTo("own 405");
    }
}
