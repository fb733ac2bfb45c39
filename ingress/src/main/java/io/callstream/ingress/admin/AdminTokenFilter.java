package io.callstream.ingress.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.callstream.sites.TokenDigest;
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
 * Lets a request into the admin API only with {@code Authorization: Bearer <admin token>}, compared
 * in constant time. Without a configured admin token the admin API refuses everything.
 */
public final class AdminTokenFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> adminTokenDigest;
    private final ObjectMapper mapper;

    public AdminTokenFilter(String adminToken, ObjectMapper mapper) {
        this.adminTokenDigest = Optional.ofNullable(adminToken).filter(token -> !token.isBlank())
                .map(token -> TokenDigest.of(token).getBytes(StandardCharsets.US_ASCII));
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(SiteAdminController.PATH)) {
            return chain.filter(exchange);
        }
        if (adminTokenDigest.isEmpty()) {
            return refuse(exchange, "The admin API is disabled: no admin token is configured.");
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(exchange, "Send the admin token as 'Authorization: Bearer <token>'.");
        }
        byte[] given = TokenDigest.of(authorization.substring(BEARER.length()).trim()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, adminTokenDigest.get())) {
            return refuse(exchange, "The admin token is not valid.");
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"callstream-admin\"");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(mapper.writeValueAsBytes(problem))));
    }
}
