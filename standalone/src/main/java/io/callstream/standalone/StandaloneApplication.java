package io.callstream.standalone;

import io.callstream.ingress.config.IngressConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/** Edge and processor in one application context, on one port (the processor can be switched off). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({IngressConfiguration.class, ProcessorSwitch.class})
public class StandaloneApplication {

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
