package io.callstream.web.server;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The HTTP server hardening of every callstream application (the edge, the processor, the
 * launcher): an auto-configuration, so having this module on the classpath is enough. It comes
 * before Boot's Netty server and client, which would otherwise create their own
 * {@link ReactorResourceFactory}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration"})
@EnableConfigurationProperties(HttpServerLimits.class)
public class HttpServerConfiguration {

    @Bean
    HardenedNettyServer hardenedNettyServer(HttpServerLimits limits, MeterRegistry meters) {
        return new HardenedNettyServer(limits, meters);
    }

    @Bean
    AbandonedRequestFilter abandonedRequestFilter(MeterRegistry meters) {
        return new AbandonedRequestFilter(meters);
    }

    /**
     * This application's own Netty event loops, released when it closes: with Reactor Netty's
     * global ones, closing one application in a JVM (tests, benchmarks) would stop the others.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}
