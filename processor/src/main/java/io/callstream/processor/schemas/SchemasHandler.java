package io.callstream.processor.schemas;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import io.callstream.web.api.ApiProblem;

/** {@code GET /api/v1/schemas} and {@code GET /api/v1/schemas/{fingerprint}}. */
public final class SchemasHandler {

    private final PublishedSchemas schemas;

    public SchemasHandler(PublishedSchemas schemas) {
        this.schemas = schemas;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(schemas.entries());
    }

    Mono<ServerResponse> schema(ServerRequest request) {
        String fingerprint = request.pathVariable("fingerprint");
        return schemas.schema(fingerprint)
                .map(text -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(text))
                .orElseGet(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "No published schema has the fingerprint "
                        + fingerprint + " (16 hex digits: the 8 bytes after C3 01 in a record).").respond());
    }
}
