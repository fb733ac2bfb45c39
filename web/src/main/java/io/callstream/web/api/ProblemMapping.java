package io.callstream.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.callstream.web.server.TransportFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * How an application's failures become {@link ApiProblem}s: its own exceptions as it declares
 * them, Spring's (unreadable JSON, unsupported media type, ...) with their status, anything else a
 * logged 500. Failures that ended in the transport pass through: nobody is left to answer.
 */
public final class ProblemMapping implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapping.class);

    private final List<Rule<?>> rules;

    private ProblemMapping(List<Rule<?>> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return Mono.defer(() -> next.handle(request))
                .onErrorResume(failure -> TransportFailures.reason(failure).isEmpty(),
                        failure -> problemFor(failure).respond());
    }

    public ApiProblem problemFor(Throwable failure) {
        for (Rule<?> rule : rules) {
            Optional<ApiProblem> problem = rule.apply(failure);
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        if (failure instanceof ErrorResponse framework) {
            return frameworkProblem(framework);
        }
        if (failure instanceof DataBufferLimitException tooLarge) {
            // The codecs' buffer limit (spring.http.codecs.max-in-memory-size): the client sent too much, not a failure of ours.
            return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than this API reads: " + tooLarge.getMessage());
        }
        log.error("Request failed unexpectedly", failure);
        return ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The server failed to answer; the failure is logged.");
    }

    /** Spring's own errors keep their status; their detail is generic, never an exception's text. */
    static ApiProblem frameworkProblem(ErrorResponse failure) {
        HttpStatusCode status = failure.getStatusCode();
        if (failure instanceof ServerWebInputException input && input.getCause() instanceof CodecException) {
            return ApiProblem.of(status, "The body could not be read: it is not JSON of the expected shape.");
        }
        String detail = failure.getBody().getDetail();
        return ApiProblem.of(status, detail == null ? ApiProblem.of(status, null).title() + "." : detail);
    }

    public static final class Builder {

        private final List<Rule<?>> rules = new ArrayList<>();

        /** {@code type} (and its subclasses) answer {@code status} with the exception's message as detail. */
        public <T extends Throwable> Builder map(Class<T> type, HttpStatus status) {
            return map(type, failure -> ApiProblem.of(status, failure.getMessage()));
        }

        public <T extends Throwable> Builder map(Class<T> type, Function<T, ApiProblem> problem) {
            rules.add(new Rule<>(type, problem));
            return this;
        }

        public ProblemMapping build() {
            return new ProblemMapping(rules);
        }
    }

    private record Rule<T extends Throwable>(Class<T> type, Function<T, ApiProblem> problem) {

        Optional<ApiProblem> apply(Throwable failure) {
            return type.isInstance(failure) ? Optional.of(problem.apply(type.cast(failure))) : Optional.empty();
        }
    }
}
