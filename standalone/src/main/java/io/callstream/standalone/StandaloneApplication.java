package io.callstream.standalone;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Edge and processor in one application context, on one port: both come in as auto-configurations
 * from the classpath; {@link ProcessorSwitch} leaves the processor out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StandaloneApplication {
}
