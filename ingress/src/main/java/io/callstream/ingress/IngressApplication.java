package io.callstream.ingress;

import io.callstream.ingress.spool.SpoolDrainCommand;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The edge on its own, for deployments with a separate processor. Reads {@code ingress.yml}; the
 * edge itself comes in as an auto-configuration ({@link io.callstream.ingress.config.IngressConfiguration}).
 * {@code drain-spool DIRECTORY} sends a spool left behind by another instance to Kafka instead ({@link SpoolDrainCommand}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class IngressApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(SpoolDrainCommand.NAME)) {
            System.exit(SpoolDrainCommand.run(args, System.out));
        }
        new SpringApplicationBuilder(IngressApplication.class)
                .properties("spring.config.name=ingress")
                .run(args);
    }
}
