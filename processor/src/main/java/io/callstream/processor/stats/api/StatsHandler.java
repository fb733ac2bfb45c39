package io.callstream.processor.stats.api;

import java.util.List;

import io.callstream.processor.query.InvalidQueryException;
import io.callstream.web.api.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/stats} (JSON, or CSV with {@code format=csv}) and {@code GET /api/v1/stats/today}. */
public final class StatsHandler {

    private final StatsQueries queries;

    public StatsHandler(StatsQueries queries) {
        this.queries = queries;
    }

    public Mono<ServerResponse> series(ServerRequest request) {
        StatsRequest stats = StatsRequest.from(request.queryParams());
        boolean csv = "csv".equals(request.queryParam("format").orElse(null));
        return queries.series(stats, "true".equals(request.queryParam("local").orElse(null)), authorization(request))
                .flatMap(series -> csv
                        ? ServerResponse.ok().contentType(StatsCsv.MEDIA_TYPE)
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"call-stats.csv\"")
                                .bodyValue(StatsCsv.of(series))
                        : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(series));
    }

    public Mono<ServerResponse> today(ServerRequest request) {
        String site = request.queryParam("site").filter(value -> !value.isBlank())
                .orElseThrow(() -> new InvalidQueryException(List.of(new Violation("site", "is required"))));
        return queries.today(site, authorization(request))
                .flatMap(today -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(today));
    }

    public Mono<ServerResponse> sites(ServerRequest request) {
        return queries.sites().flatMap(sites -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(sites));
    }

    private static String authorization(ServerRequest request) {
        return request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    }
}
