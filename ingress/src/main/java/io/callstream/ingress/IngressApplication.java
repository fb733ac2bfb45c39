package io.callstream.ingress;

import io.callstream.ingress.config.IngressConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The edge on its own, for deployments with a separate processor. Reads {@code ingress.yml}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IngressConfiguration.class)
public class IngressApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(IngressApplication.class)
                .properties("spring.config.name=ingress")
                .run(args);
    }
}
