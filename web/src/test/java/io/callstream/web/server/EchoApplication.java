package io.callstream.web.server;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The smallest server with callstream's HTTP hardening (an auto-configuration): it answers a POST with the length of its body. */
@SpringBootConfiguration
@EnableAutoConfiguration
class EchoApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    RouterFunction<ServerResponse> echo() {
        return route(POST("/api/v1/cti/{token}"), request -> request.bodyToMono(String.class)
                .defaultIfEmpty("")
                .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"length\":" + body.length() + "}")))
                .andRoute(GET("/hello"), request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}"));
    }
}
