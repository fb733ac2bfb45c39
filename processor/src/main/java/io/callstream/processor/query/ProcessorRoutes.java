package io.callstream.processor.query;

import io.callstream.processor.contacts.ContactsHandler;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The routes of the processor's query API. */
public final class ProcessorRoutes {

    private ProcessorRoutes() {
    }

    public static RouterFunction<ServerResponse> of(CallQueryHandler calls, ContactsHandler contacts) {
        return RouterFunctions.route()
                .GET(CallQueries.LOG_PATH, calls::log)
                .GET(CallQueries.ACTIVE_PATH, calls::active)
                .GET("/api/v1/calls/{site}/{callId}", calls::call)
                .POST("/api/v1/calls/{site}/{callId}/done", calls::markDone)
                .POST("/api/v1/contacts", contacts::importCsv)
                .PUT("/api/v1/contacts/{number}", contacts::put)
                .GET("/api/v1/contacts/{number}", contacts::get)
                .DELETE("/api/v1/contacts/{number}", contacts::delete)
                .build();
    }
}
