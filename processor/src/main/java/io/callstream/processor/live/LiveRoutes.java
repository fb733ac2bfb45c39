package io.callstream.processor.live;

import static io.callstream.web.api.ApiOperation.content;

import io.callstream.web.api.ApiOperation;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The live stream's route, behind the API token. */
public final class LiveRoutes {

    static final String PATH = "/api/v1/live";

    private LiveRoutes() {
    }

    public static ApiRoutes.Builder addTo(ApiRoutes.Builder routes, LiveHandler live) {
        return routes.GET(PATH, Guard.API_TOKEN, live::events, ApiOperation.of("getLiveEvents",
                        "Call-record changes and statistics updates as they happen (Server-Sent Events)")
                .tag("live")
                .description("Events: position (where the stream starts), call (a CallView), stats (a window's "
                        + "figures); every id is a position: send it back as Last-Event-ID (or last_event_id) to "
                        + "continue exactly after it. A comment every 15 s keeps the connection open.")
                .queryParameter("site", String.class, "Only this site's changes.")
                .queryParameter("last_event_id", String.class, "Where to continue, for clients that cannot set "
                        + "the Last-Event-ID header.")
                .response(HttpStatus.OK, "The stream.", content(MediaType.TEXT_EVENT_STREAM_VALUE, String.class)));
    }
}
