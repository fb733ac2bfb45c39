package io.callstream.standalone;

import io.callstream.ingress.config.IngressConfiguration;
import io.callstream.processor.ProcessorConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Edge and processor in one application context, on one port. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({IngressConfiguration.class, ProcessorConfiguration.class})
public class StandaloneApplication {
}
