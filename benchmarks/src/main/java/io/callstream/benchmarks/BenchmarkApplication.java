package io.callstream.benchmarks;

import java.time.Clock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application of whichever callstream part a benchmark switches on: the edge and the processor
 * are auto-configurations on this module's classpath ({@code callstream.ingress.enabled},
 * {@code callstream.processor.enabled}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BenchmarkApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
