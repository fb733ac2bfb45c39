package io.callstream.web.api;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Defaults every callstream application starts with, below anything an operator or an application
 * sets: the API documentation is served on the management port (loopback by default), never on the
 * port PBXs reach; an application without Actuator has no management port and serves none. springdoc
 * does not warn at every start that it is on.
 */
public final class ApiDocsDefaults implements EnvironmentPostProcessor {

    private static final String ACTUATOR = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties";

    private static final Map<String, Object> QUIET = Map.of(
            "logging.level.org.springdoc.core.events.SpringDocAppInitializer", "ERROR",
            "logging.level.org.springframework.boot.actuate.endpoint.EndpointId", "ERROR");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>(QUIET);
        if (ClassUtils.isPresent(ACTUATOR, application.getClassLoader())) {
            defaults.put("springdoc.use-management-port", "true");
        } else {
            defaults.put("springdoc.api-docs.enabled", "false");
            defaults.put("springdoc.swagger-ui.enabled", "false");
        }
        environment.getPropertySources().addLast(new MapPropertySource("callstreamApiDocsDefaults", defaults));
    }
}
