package io.callstream.ingress;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The edge on its own, for deployments with a separate processor. Reads {@code ingress.yml}; the
 * edge itself comes in as an auto-configuration ({@link io.callstream.ingress.config.IngressConfiguration}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class IngressApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(IngressApplication.class)
                .properties("spring.config.name=ingress")
                .run(args);
    }
}
