package io.callstream.web.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The outermost filter: a request that ended in the transport (see {@link TransportFailures}) or
 * that the transport already answered on the wire completes quietly and is counted
 * ({@code callstream_http_requests_abandoned_total}), instead of reaching Spring's error handling,
 * which would answer a closed connection with a 500 and log the request path, hence a site token.
 * A body that did not arrive within the body timeout is answered 408 as the connection closes.
 */
public final class AbandonedRequestFilter implements WebFilter, Ordered {

    private static final byte[] BODY_TIMEOUT =
            "{\"error\":\"The request body did not arrive in time.\"}".getBytes(StandardCharsets.US_ASCII);

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AbandonedRequestFilter(MeterRegistry meters) {
        this.meters = meters;
        DroppedErrors.install();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorResume(failure -> {
            Optional<String> reason = TransportFailures.reason(failure)
                    .or(() -> answeredByTransport(exchange) ? Optional.of("answered_by_transport") : Optional.empty());
            if (reason.isEmpty()) {
                return Mono.error(failure);
            }
            counter(reason.get()).increment();
            return reason.get().equals(TransportFailures.BODY_TIMEOUT) ? answerBodyTimeout(exchange) : Mono.empty();
        });
    }

    /** The connection is still open for a moment: say why (else the framework would complete it with an empty 200). */
    private static Mono<Void> answerBodyTimeout(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.REQUEST_TIMEOUT);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setConnection("close");
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(BODY_TIMEOUT)))
                .onErrorResume(TransportFailures::isTransportFailure, closed -> Mono.empty());
    }

    private static boolean answeredByTransport(ServerWebExchange exchange) {
        Object wire = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        return wire instanceof HttpServerResponse response && response.hasSentHeaders();
    }

    private Counter counter(String reason) {
        return counters.computeIfAbsent(reason, tag -> Counter.builder("callstream.http.requests.abandoned")
                .description("Requests that ended in the transport: client gone, body too slow, or already answered")
                .tag("reason", tag)
                .register(meters));
    }
}
