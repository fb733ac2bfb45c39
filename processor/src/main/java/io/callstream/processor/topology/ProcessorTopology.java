package io.callstream.processor.topology;

import org.apache.kafka.streams.StreamsBuilder;

/**
 * One part of the processor's Kafka Streams application (call records; later statistics, a live
 * stream, a forwarder). Every part adds itself to the same {@link StreamsBuilder}, and one runtime
 * runs them all under one application id, exactly once. A part names every source, processor,
 * store and sink explicitly (the runtime refuses generated names), and its stores are queried by
 * name, whichever part owns them.
 *
 * <p>Adding a part: a class implementing this, and a bean for it in
 * {@code ProcessorTopologiesConfiguration}.
 */
public interface ProcessorTopology {

    /** Adds this part's sources, stores, processors and sinks. Pure: no I/O, no Kafka client. */
    void addTo(StreamsBuilder builder);
}
