package io.callstream.processor.query;

import java.util.List;
import java.util.Optional;

import io.callstream.schema.CallKey;
import io.callstream.web.api.ApiProblem;
import io.callstream.web.api.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The query API: Zammad's caller log ({@code GET /api/v1/cti/log}, JSON or {@code ?format=csv}),
 * one call ({@code GET /api/v1/calls/{site}/{callId}}), active calls, and marking a call done.
 * Failures are mapped to problem details by the processor's router ({@link CallRoutes}).
 */
public final class CallQueryHandler {

    /** Body of {@code POST .../done}: {@code call} picks a call of a reused call id (default: the latest). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DoneRequest(Boolean done, Integer call) {
    }

    /** The answer to {@code POST .../done}: the command's id, as it appears on the commands topic. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CommandAccepted(String commandId) {
    }

    private final CallQueries queries;
    private final CallCommands commands;
    private final Scheduler blocking;

    public CallQueryHandler(CallQueries queries, CallCommands commands, Scheduler blocking) {
        this.queries = queries;
        this.commands = commands;
        this.blocking = blocking;
    }

    public Mono<ServerResponse> log(ServerRequest request) {
        return Mono.fromCallable(() -> CallLogFilter.from(request.queryParams()))
                .flatMap(filter -> queries.log(filter, local(request), authorization(request)))
                .flatMap(calls -> "csv".equals(request.queryParam("format").orElse(null))
                        ? ServerResponse.ok().contentType(CallLogCsv.MEDIA_TYPE)
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"caller-log.csv\"")
                                .bodyValue(CallLogCsv.of(calls))
                        : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(calls));
    }

    public Mono<ServerResponse> active(ServerRequest request) {
        return queries.active(local(request), authorization(request))
                .flatMap(calls -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(calls));
    }

    /** The latest call of the call id, or {@code ?call=n}; with {@code local=true} all of them (for peers). */
    public Mono<ServerResponse> call(ServerRequest request) {
        CallKey key = key(request);
        Optional<String> number = request.queryParam("call");
        Mono<List<CallView>> calls = queries.calls(key, local(request), authorization(request));
        if (local(request)) {
            return calls.flatMap(all -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(all));
        }
        return calls.map(all -> pick(all, number))
                .flatMap(found -> found.isPresent()
                        ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(found.get())
                        : notFound("No call " + key + number.map(n -> " #" + n).orElse("")
                                + " is known (calls are forgotten some time after they ended)."));
    }

    /** Marks a call done or not done: a command through Kafka, answered 202 once Kafka has it. */
    public Mono<ServerResponse> markDone(ServerRequest request) {
        CallKey key = key(request);
        return request.bodyToMono(DoneRequest.class)
                .defaultIfEmpty(new DoneRequest(true, null))
                .flatMap(body -> queries.calls(key, false, authorization(request))
                        .flatMap(calls -> pick(calls, Optional.ofNullable(body.call()).map(String::valueOf)).isEmpty()
                                ? notFound("No call " + key + " is known.")
                                : Mono.fromCallable(() -> commands.markDone(key, body.call(), body.done() == null || body.done()))
                                        .subscribeOn(blocking)
                                        .flatMap(id -> ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON)
                                                .bodyValue(new CommandAccepted(id)))));
    }

    private static Optional<CallView> pick(List<CallView> calls, Optional<String> number) {
        if (number.isEmpty()) {
            return calls.isEmpty() ? Optional.empty() : Optional.of(calls.get(calls.size() - 1));
        }
        return calls.stream().filter(call -> String.valueOf(call.call()).equals(number.get())).findFirst();
    }

    private static CallKey key(ServerRequest request) {
        try {
            return new CallKey(request.pathVariable("site"), request.pathVariable("callId"));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(List.of(new Violation("site", "is not a site id")));
        }
    }

    private static boolean local(ServerRequest request) {
        return "true".equals(request.queryParam("local").orElse(null));
    }

    private static String authorization(ServerRequest request) {
        return request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    }

    private static Mono<ServerResponse> notFound(String detail) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, detail).respond();
    }
}
