package io.callstream.processor.query;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Lets a request into the query API only with {@code Authorization: Bearer <api token>}, compared
 * in constant time; without a configured token the query API refuses everything. (The edge's admin
 * API has its own filter: the two applications share no web code.)
 */
public final class ApiTokenFilter implements WebFilter {

    private static final String BEARER = "Bearer ";
    private static final List<String> PROTECTED_PREFIXES = List.of("/api/v1/calls", "/api/v1/contacts");
    private static final String CALLER_LOG = "/api/v1/cti/log";

    private final Optional<byte[]> token;
    private final ObjectMapper mapper;

    public ApiTokenFilter(String apiToken, ObjectMapper mapper) {
        this.token = Optional.ofNullable(apiToken).filter(value -> !value.isBlank()).map(ApiTokenFilter::digest);
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.equals(CALLER_LOG) && PROTECTED_PREFIXES.stream().noneMatch(path::startsWith)) {
            return chain.filter(exchange);
        }
        if (token.isEmpty()) {
            return refuse(exchange, "The query API is disabled: no API token is configured.");
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !MessageDigest.isEqual(digest(authorization.substring(BEARER.length()).trim()), token.get())) {
            return refuse(exchange, "Send the API token as 'Authorization: Bearer <token>'.");
        }
        return chain.filter(exchange);
    }

    /** Compared as SHA-256 digests: equal lengths, so the comparison's time says nothing about the token. */
    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"callstream\"");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(mapper.writeValueAsBytes(problem))));
    }
}
