package io.callstream.processor.schemas;

import static io.callstream.web.api.ApiOperation.json;
import static io.callstream.web.api.ApiOperation.jsonList;

import io.callstream.web.api.ApiOperation;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import org.springframework.http.HttpStatus;

/** The Avro schemas of our topics, for consumers without our code; behind the API token. */
public final class SchemasRoutes {

    static final String PATH = "/api/v1/schemas";

    private SchemasRoutes() {
    }

    public static ApiRoutes.Builder addTo(ApiRoutes.Builder routes, SchemasHandler schemas) {
        return routes
                .GET(PATH, Guard.API_TOKEN, schemas::list, ApiOperation.of("listSchemas",
                        "Every published version of every Avro schema, by fingerprint").tag("schemas")
                        .description("A record on our topics starts with C3 01 and the 8-byte fingerprint of its "
                                + "writer schema; look it up here.")
                        .response(HttpStatus.OK, "The versions, by name and version.", jsonList(PublishedSchemas.Entry.class)))
                .GET(PATH + "/{fingerprint}", Guard.API_TOKEN, schemas::schema, ApiOperation.of("getSchema",
                        "One schema version (.avsc) by fingerprint").tag("schemas")
                        .pathParameter("fingerprint", "16 hex digits: the 8 bytes after C3 01 in a record.")
                        .response(HttpStatus.OK, "The schema.", json(Object.class))
                        .problem(HttpStatus.NOT_FOUND, "No published schema has this fingerprint."));
    }
}
