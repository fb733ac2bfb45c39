package io.callstream.standalone;

import io.callstream.processor.ProcessorConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The processor runs in the launcher unless {@code callstream.standalone.processor=false} (an edge-only laptop). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ProcessorSwitch.PROPERTY, havingValue = "true", matchIfMissing = true)
@Import(ProcessorConfiguration.class)
class ProcessorSwitch {

    static final String PROPERTY = "callstream.standalone.processor";
}
