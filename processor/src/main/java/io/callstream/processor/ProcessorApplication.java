package io.callstream.processor;

import java.time.Clock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/** The processor on its own, for deployments with separate edge instances. Reads {@code processor.yml}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ProcessorConfiguration.class)
public class ProcessorApplication {

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

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProcessorApplication.class)
                .properties("spring.config.name=processor")
                .run(args);
    }
}
