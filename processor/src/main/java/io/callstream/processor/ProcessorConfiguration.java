package io.callstream.processor;

import org.springframework.context.annotation.Configuration;

/**
 * Wires the processor. Imported by {@code ProcessorApplication} and by the all-in-one launcher.
 * The call-record topology arrives with its own issue; until then the processor only serves its
 * health endpoint.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorConfiguration {
}
