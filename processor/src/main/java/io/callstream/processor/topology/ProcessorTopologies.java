package io.callstream.processor.topology;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;

/** The processor's whole topology: every part added to one builder. */
public final class ProcessorTopologies {

    private ProcessorTopologies() {
    }

    /**
     * @param settings the application's Kafka Streams settings: with
     *                 {@code ensure.explicit.internal.resource.naming} a part that leaves a store or
     *                 an internal topic unnamed fails here, at build time
     */
    public static Topology build(List<? extends ProcessorTopology> parts, Properties settings) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(settings)));
        parts.forEach(part -> part.addTo(builder));
        return builder.build();
    }
}
