package io.callstream.web.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The one error shape of every callstream API except the PBX endpoint: RFC 9457 problem details
 * with an {@code errors} list that names each thing wrong ({@code field} and {@code message}); it is
 * empty when nothing in particular is.
 */
public record ApiProblem(String type, String title, int status, String detail, List<Violation> errors) {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    public ApiProblem {
        errors = List.copyOf(errors);
    }

    public static ApiProblem of(HttpStatusCode status, String detail) {
        return new ApiProblem("about:blank", title(status), status.value(), detail, List.of());
    }

    /** A 400 naming every violation. */
    public static ApiProblem invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? "1 value is invalid." : violations.size() + " values are invalid.";
        return new ApiProblem("about:blank", "Invalid request", HttpStatus.BAD_REQUEST.value(), detail, violations);
    }

    public Mono<ServerResponse> respond() {
        return ServerResponse.status(status).contentType(MEDIA_TYPE).bodyValue(this);
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
