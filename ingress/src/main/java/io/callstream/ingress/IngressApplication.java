package io.callstream.ingress;

import io.callstream.ingress.config.IngressConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/** The edge on its own, for deployments with a separate processor. Reads {@code ingress.yml}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IngressConfiguration.class)
public class IngressApplication {

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

    public static void main(String[] args) {
        new SpringApplicationBuilder(IngressApplication.class)
                .properties("spring.config.name=ingress")
                .run(args);
    }
}
