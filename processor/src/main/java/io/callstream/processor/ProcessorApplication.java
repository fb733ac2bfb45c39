package io.callstream.processor;

import java.time.Clock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The processor on its own, for deployments with separate edge instances. Reads {@code processor.yml};
 * the processor itself comes in as an auto-configuration ({@link ProcessorConfiguration}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ProcessorApplication {

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
