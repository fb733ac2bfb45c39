package io.callstream.web.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}, compared in constant
 * time; without a configured token every request is refused (the API is off).
 */
public final class BearerTokenGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String BEARER = "Bearer ";

    private final String name;
    private final String realm;
    private final Optional<byte[]> token;

    /**
     * @param name what the token is called in answers ("admin token")
     * @param realm the {@code WWW-Authenticate} realm
     */
    public BearerTokenGuard(String name, String realm, String configuredToken) {
        this.name = name;
        this.realm = realm;
        this.token = Optional.ofNullable(configuredToken).filter(value -> !value.isBlank())
                .map(BearerTokenGuard::digest);
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        if (token.isEmpty()) {
            return refuse("This API is disabled: no " + name + " is configured.");
        }
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse("Send the " + name + " as 'Authorization: Bearer <token>'.");
        }
        if (!MessageDigest.isEqual(digest(authorization.substring(BEARER.length()).trim()), token.get())) {
            return refuse("The " + name + " is not valid.");
        }
        return next.handle(request);
    }

    private Mono<ServerResponse> refuse(String detail) {
        ApiProblem problem = ApiProblem.of(HttpStatus.UNAUTHORIZED, detail);
        return ServerResponse.status(HttpStatus.UNAUTHORIZED).contentType(ApiProblem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"")
                .bodyValue(problem);
    }

    /** Compared as SHA-256 digests: equal lengths, so the comparison's time says nothing about the token. */
    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
