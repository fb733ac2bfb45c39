package io.callstream.web.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.callstream.web.server.TransportFailures;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Problem details for what no route answered: an unknown path is a 404, a known path with another
 * method a 405 with {@code Allow}, any other failure outside a route its own status. Comes before
 * Spring Boot's error handler, whose body has a different shape.
 */
public final class UnroutedRequestProblems implements WebExceptionHandler, Ordered {

    private final Supplier<List<Route>> routes;
    private final ObjectMapper mapper;

    /** @param routes every route of the running applications */
    public UnroutedRequestProblems(Supplier<List<Route>> routes, ObjectMapper mapper) {
        this.routes = routes;
        this.mapper = mapper;
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted() || TransportFailures.reason(failure).isPresent()) {
            return Mono.error(failure);
        }
        ApiProblem problem;
        if (failure instanceof ErrorResponse error && error.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            Set<HttpMethod> allowed = allowedMethods(exchange);
            if (allowed.isEmpty()) {
                problem = ApiProblem.of(HttpStatus.NOT_FOUND, "No API has this path.");
            } else {
                problem = ApiProblem.of(HttpStatus.METHOD_NOT_ALLOWED, "This path takes "
                        + allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", ")) + ".");
                response.getHeaders().setAllow(allowed);
            }
        } else if (failure instanceof ErrorResponse error) {
            problem = ProblemMapping.frameworkProblem(error);
            response.getHeaders().addAll(error.getHeaders());
        } else {
            return Mono.error(failure);
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().setContentType(ApiProblem.MEDIA_TYPE);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(mapper.writeValueAsBytes(problem))));
    }

    private Set<HttpMethod> allowedMethods(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Route route : routes.get()) {
            if (route.method() != null && PathPatternParser.defaultInstance.parse(route.path()).matches(path)) {
                allowed.add(route.method());
            }
        }
        return allowed;
    }
}
