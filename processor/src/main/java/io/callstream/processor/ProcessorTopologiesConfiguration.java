package io.callstream.processor;

import io.callstream.processor.config.ProcessorProperties;
import io.callstream.processor.stats.StatisticsTopology;
import io.callstream.processor.topology.CallRecordTopology;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the processor's Kafka Streams application, one bean each: the runtime runs every
 * {@link io.callstream.processor.topology.ProcessorTopology} bean there is. A new part is a new class
 * and one bean here.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorTopologiesConfiguration {

    public static final String STATISTICS_SWITCH = "callstream.processor.statistics-enabled";

    @Bean
    CallRecordTopology callRecordTopology(ProcessorProperties properties) {
        return new CallRecordTopology(properties.callRules(), properties.punctuationInterval());
    }

    /** Off with {@code callstream.processor.statistics-enabled=false}: then no statistics topic, stores or API. */
    @Bean
    @ConditionalOnProperty(name = STATISTICS_SWITCH, havingValue = "true", matchIfMissing = true)
    StatisticsTopology statisticsTopology(ProcessorProperties properties) {
        return new StatisticsTopology(properties.statsRetention());
    }
}
