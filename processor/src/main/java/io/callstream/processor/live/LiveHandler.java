package io.callstream.processor.live;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/live[?site=]}: Server-Sent Events of call-record changes ({@code call}) and
 * statistics updates ({@code stats}), resumed after {@code Last-Event-ID} (the header, which
 * browsers send on reconnecting, or the {@code last_event_id} parameter), with a heartbeat comment
 * every 15 s.
 */
public final class LiveHandler {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveFeed feed;

    public LiveHandler(LiveFeed feed) {
        this.feed = feed;
    }

    Mono<ServerResponse> events(ServerRequest request) {
        Optional<LivePosition> resumeAt = Optional.ofNullable(request.headers().firstHeader(LAST_EVENT_ID))
                .or(() -> request.queryParam("last_event_id"))
                .flatMap(LivePosition::parse);
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(BodyInserters.fromServerSentEvents(feed.events(resumeAt, request.queryParam("site").orElse(null))));
    }
}
