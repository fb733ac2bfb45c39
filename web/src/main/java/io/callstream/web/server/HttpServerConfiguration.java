package io.callstream.web.server;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP server hardening every callstream application imports (the edge, the processor, the launcher). */
@Configuration(proxyBeanMethods = false)
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
}
