package io.callstream.processor;

import io.callstream.processor.config.ProcessorProperties;
import io.callstream.processor.metrics.CallRecordMeters;
import io.callstream.processor.stats.StatisticsTopology;
import io.callstream.processor.topology.CallRecordTopology;
import io.callstream.processor.topology.CallRecordsDownstream;
import io.callstream.processor.topology.CallRecordsWritten;
import io.callstream.schema.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the processor's Kafka Streams application, one bean each: the runtime runs every
 * {@link io.callstream.processor.topology.ProcessorTopology} bean there is, and the call-record part
 * feeds every {@link CallRecordsDownstream} bean. A new part is a new class and one bean here.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorTopologiesConfiguration {

    public static final String STATISTICS_SWITCH = "callstream.processor.statistics-enabled";

    @Bean
    CallRecordTopology callRecordTopology(ProcessorProperties properties, ObjectProvider<TopicNames> topics,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<CallRecordsDownstream> downstream) {
        MeterRegistry registry = meters.getIfAvailable();
        return new CallRecordTopology(topics.getIfAvailable(() -> TopicNames.UNPREFIXED), properties.callRules(),
                properties.punctuationInterval(),
                registry == null ? CallRecordsWritten.NONE : new CallRecordMeters(registry),
                downstream.orderedStream().toList());
    }

    /** Off with {@code callstream.processor.statistics-enabled=false}: then no statistics topic, stores or API. */
    @Bean
    @ConditionalOnProperty(name = STATISTICS_SWITCH, havingValue = "true", matchIfMissing = true)
    StatisticsTopology statisticsTopology(ProcessorProperties properties, ObjectProvider<TopicNames> topics) {
        return new StatisticsTopology(topics.getIfAvailable(() -> TopicNames.UNPREFIXED), properties.statsRetention());
    }
}
