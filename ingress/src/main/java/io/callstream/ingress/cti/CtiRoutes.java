package io.callstream.ingress.cti;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The routes of the PBX endpoint. */
public final class CtiRoutes {

    public static final String CTI_PATH = "/api/v1/cti/{token}";

    private CtiRoutes() {
    }

    public static RouterFunction<ServerResponse> events(CtiHandler handler) {
        return RouterFunctions.route()
                .POST(CTI_PATH, handler::handle)
                .build();
    }

    /**
     * Other methods on the CTI path get a JSON 405. Kept apart and registered last so that read
     * routes of the same shape elsewhere in the application (Zammad's {@code GET /api/v1/cti/log})
     * take precedence.
     */
    public static RouterFunction<ServerResponse> otherMethods(CtiHandler handler) {
        return RouterFunctions.route(path(CTI_PATH), handler::methodNotAllowed);
    }
}
