package io.callstream.processor.query;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Asks another processor instance for its local share of an answer ({@code local=true}), with the
 * caller's credentials.
 */
public final class PeerClient {

    private static final ParameterizedTypeReference<List<CallView>> CALLS = new ParameterizedTypeReference<>() {
    };

    private final WebClient client;
    private final Duration timeout;

    public PeerClient(WebClient.Builder builder, Duration timeout) {
        this.client = builder.build();
        this.timeout = timeout;
    }

    /** GET {@code path?local=true&query} on the instance, as a list of calls; a 404 is an empty list. */
    public Mono<List<CallView>> calls(HostInfo instance, String path, String query, String authorization) {
        return get(instance, path, query, authorization)
                .bodyToMono(CALLS)
                .onErrorResume(WebClientResponseException.class,
                        e -> e.getStatusCode() == HttpStatus.NOT_FOUND ? Mono.just(List.of()) : Mono.error(e))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof NotQueryableHereException), e -> notAnswered(instance, e));
    }

    /** GET {@code path?local=true&query} on the instance, as one document of this type. */
    public <T> Mono<T> document(HostInfo instance, String path, String query, String authorization, Class<T> type) {
        return get(instance, path, query, authorization)
                .bodyToMono(type)
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof NotQueryableHereException), e -> notAnswered(instance, e));
    }

    private WebClient.ResponseSpec get(HostInfo instance, String path, String query, String authorization) {
        String uri = "http://" + instance.host() + ":" + instance.port() + path + "?local=true"
                + (query.isEmpty() ? "" : "&" + query);
        return client.get().uri(java.net.URI.create(uri))
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .retrieve();
    }

    private static NotQueryableHereException notAnswered(HostInfo instance, Throwable failure) {
        return new NotQueryableHereException("instance " + instance + " did not answer: " + failure, failure);
    }
}
