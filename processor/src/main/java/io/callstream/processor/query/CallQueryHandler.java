package io.callstream.processor.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.callstream.schema.CallKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The query API: Zammad's caller log ({@code GET /api/v1/cti/log}, JSON or {@code ?format=csv}),
 * one call ({@code GET /api/v1/calls/{site}/{callId}}), active calls, and marking a call done.
 * Errors are problem details.
 */
public final class CallQueryHandler {

    /** Body of {@code POST .../done}: {@code call} picks a call of a reused call id (default: the latest). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DoneRequest(Boolean done, Integer call) {
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
                        : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(calls))
                .onErrorResume(CallQueryHandler::problem);
    }

    public Mono<ServerResponse> active(ServerRequest request) {
        return queries.active(local(request), authorization(request))
                .flatMap(calls -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(calls))
                .onErrorResume(CallQueryHandler::problem);
    }

    /** The latest call of the call id, or {@code ?call=n}; with {@code local=true} all of them (for peers). */
    public Mono<ServerResponse> call(ServerRequest request) {
        CallKey key = key(request);
        Optional<String> number = request.queryParam("call");
        Mono<List<CallView>> calls = queries.calls(key, local(request), authorization(request));
        if (local(request)) {
            return calls.flatMap(all -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(all))
                    .onErrorResume(CallQueryHandler::problem);
        }
        return calls.map(all -> pick(all, number))
                .flatMap(found -> found.isPresent()
                        ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(found.get())
                        : Problems.respond(HttpStatus.NOT_FOUND, "No call " + key + number.map(n -> " #" + n).orElse("")
                                + " is known (calls are forgotten some time after they ended)."))
                .onErrorResume(CallQueryHandler::problem);
    }

    /** Marks a call done or not done: a command through Kafka, answered 202 once Kafka has it. */
    public Mono<ServerResponse> markDone(ServerRequest request) {
        CallKey key = key(request);
        return request.bodyToMono(DoneRequest.class)
                .defaultIfEmpty(new DoneRequest(true, null))
                .flatMap(body -> queries.calls(key, false, authorization(request))
                        .flatMap(calls -> pick(calls, Optional.ofNullable(body.call()).map(String::valueOf)).isEmpty()
                                ? Problems.respond(HttpStatus.NOT_FOUND, "No call " + key + " is known.")
                                : Mono.fromCallable(() -> commands.markDone(key, body.call(), body.done() == null || body.done()))
                                        .subscribeOn(blocking)
                                        .flatMap(id -> ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON)
                                                .bodyValue(Map.of("command_id", id)))))
                .onErrorResume(CallQueryHandler::problem);
    }

    private static Optional<CallView> pick(List<CallView> calls, Optional<String> number) {
        if (number.isEmpty()) {
            return calls.isEmpty() ? Optional.empty() : Optional.of(calls.get(calls.size() - 1));
        }
        return calls.stream().filter(call -> String.valueOf(call.call()).equals(number.get())).findFirst();
    }

    private static CallKey key(ServerRequest request) {
        return new CallKey(request.pathVariable("site"), request.pathVariable("callId"));
    }

    private static boolean local(ServerRequest request) {
        return "true".equals(request.queryParam("local").orElse(null));
    }

    private static String authorization(ServerRequest request) {
        return request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    }

    static Mono<ServerResponse> problem(Throwable failure) {
        if (failure instanceof InvalidQueryException invalid) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
            problem.setProperty("errors", invalid.problems());
            return ServerResponse.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
        }
        if (failure instanceof NotQueryableHereException || failure instanceof IllegalArgumentException) {
            HttpStatus status = failure instanceof IllegalArgumentException ? HttpStatus.BAD_REQUEST
                    : HttpStatus.SERVICE_UNAVAILABLE;
            return Problems.respond(status, failure.getMessage());
        }
        return Mono.error(failure);
    }
}
