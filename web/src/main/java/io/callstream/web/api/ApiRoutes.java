package io.callstream.web.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The one router of an application. Every route declares its {@link Guard} and its OpenAPI
 * description where it is declared; the application says once how it enforces each guard and how
 * its failures become problem details, and every route gets both. {@link #table()} lists the
 * routes with their guards, for the tests and for telling a wrong method from an unknown path.
 */
public final class ApiRoutes implements RouterFunction<ServerResponse> {

    private final RouterFunction<ServerResponse> routes;
    private final List<Route> table;

    private ApiRoutes(RouterFunction<ServerResponse> routes, List<Route> table) {
        this.routes = routes;
        this.table = List.copyOf(table);
    }

    public static Builder builder(ProblemMapping problems) {
        return new Builder(problems);
    }

    public List<Route> table() {
        return table;
    }

    @Override
    public Mono<HandlerFunction<ServerResponse>> route(ServerRequest request) {
        return routes.route(request);
    }

    @Override
    public void accept(RouterFunctions.Visitor visitor) {
        routes.accept(visitor);
    }

    public static final class Builder {

        private final SpringdocRouteBuilder routes = SpringdocRouteBuilder.route();
        private final List<Route> table = new ArrayList<>();
        private final Map<Guard, HandlerFilterFunction<ServerResponse, ServerResponse>> guards = new EnumMap<>(Guard.class);
        private final ProblemMapping problems;
        private RouterFunction<ServerResponse> otherMethods;
        private Route otherMethodsRoute;

        private Builder(ProblemMapping problems) {
            this.problems = problems;
            guards.put(Guard.PUBLIC, (request, next) -> next.handle(request));
        }

        /** How this application checks {@code guard}; needed before any route declares it. */
        public Builder enforce(Guard guard, HandlerFilterFunction<ServerResponse, ServerResponse> check) {
            guards.put(guard, check);
            return this;
        }

        public Builder GET(String path, Guard guard, HandlerFunction<ServerResponse> handler, ApiOperation docs) {
            routes.GET(path, guarded(HttpMethod.GET, path, guard, handler), docs.describe(guard));
            return this;
        }

        public Builder POST(String path, Guard guard, HandlerFunction<ServerResponse> handler, ApiOperation docs) {
            routes.POST(path, guarded(HttpMethod.POST, path, guard, handler), docs.describe(guard));
            return this;
        }

        public Builder PUT(String path, Guard guard, HandlerFunction<ServerResponse> handler, ApiOperation docs) {
            routes.PUT(path, guarded(HttpMethod.PUT, path, guard, handler), docs.describe(guard));
            return this;
        }

        public Builder DELETE(String path, Guard guard, HandlerFunction<ServerResponse> handler, ApiOperation docs) {
            routes.DELETE(path, guarded(HttpMethod.DELETE, path, guard, handler), docs.describe(guard));
            return this;
        }

        /**
         * Every other method on {@code path}, answered by {@code handler} instead of the usual
         * problem-details 405; public, and tried after every route of the application.
         */
        public Builder otherMethods(String path, HandlerFunction<ServerResponse> handler) {
            otherMethods = RouterFunctions.route(path(path), protect(path, Guard.PUBLIC, handler));
            otherMethodsRoute = new Route(null, path, Guard.PUBLIC);
            return this;
        }

        public ApiRoutes build() {
            RouterFunction<ServerResponse> all = routes.build();
            if (otherMethods == null) {
                return new ApiRoutes(all, table);
            }
            List<Route> inRoutingOrder = new ArrayList<>(table);
            inRoutingOrder.add(otherMethodsRoute);
            return new ApiRoutes(all.and(otherMethods), inRoutingOrder);
        }

        private HandlerFunction<ServerResponse> guarded(HttpMethod method, String path, Guard guard,
                HandlerFunction<ServerResponse> handler) {
            HandlerFunction<ServerResponse> protectedHandler = protect(path, guard, handler);
            table.add(new Route(method, path, guard));
            return protectedHandler;
        }

        private HandlerFunction<ServerResponse> protect(String path, Guard guard, HandlerFunction<ServerResponse> handler) {
            HandlerFilterFunction<ServerResponse, ServerResponse> check = guards.get(guard);
            if (check == null) {
                throw new IllegalStateException("Route " + path + " needs " + guard
                        + ", which this router does not enforce: call enforce(" + guard + ", ...) first.");
            }
            return problems.apply(new RefusalsReadTheBody(check).apply(handler));
        }
    }
}
