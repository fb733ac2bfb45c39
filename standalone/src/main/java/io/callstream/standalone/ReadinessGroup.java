package io.callstream.standalone;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The launcher's readiness checks: the edge's, and the processor's when it runs. One switch
 * ({@code callstream.standalone.processor=false}) is enough for an edge-only launch; an operator's own
 * {@code management.endpoint.health.group.readiness.include} still wins.
 */
final class ReadinessGroup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String INCLUDE = "management.endpoint.health.group.readiness.include";
    private static final String EDGE_CHECKS = "readinessState,spool,sites";
    private static final String PROCESSOR_CHECKS = "streams";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        boolean processor = environment.getProperty(ProcessorSwitch.PROPERTY, Boolean.class, true);
        environment.getPropertySources().addLast(new MapPropertySource("callstreamReadiness",
                Map.of(INCLUDE, processor ? EDGE_CHECKS + "," + PROCESSOR_CHECKS : EDGE_CHECKS)));
    }
}
