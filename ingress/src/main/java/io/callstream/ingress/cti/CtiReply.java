package io.callstream.ingress.cti;

import io.callstream.schema.CallEventType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The answer to one CTI request, before it is written: status, exact JSON body, and what happened
 * (for metrics).
 *
 * @param event   the request's event, {@code null} when it was refused before its event was known
 * @param outcome a short metric tag such as {@code accepted} or {@code invalid_token}
 */
public record CtiReply(HttpStatus status, byte[] body, CallEventType event, String outcome) {

    Mono<ServerResponse> write() {
        return response().bodyValue(body);
    }

    ServerResponse.BodyBuilder response() {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON);
    }
}
