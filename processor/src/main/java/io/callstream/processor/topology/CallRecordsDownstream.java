package io.callstream.processor.topology;

import io.callstream.schema.CallRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * A part of the processor fed by the call records as {@link CallRecordTopology} derives them: in the
 * same task and transaction as the event that changed them, instead of reading them back from their
 * topic (which costs a consume and a decode per record, and a commit interval of latency before they
 * are readable). Its stores are partitioned as the events are, by call id.
 *
 * <p>Wiring: a bean of this type in {@code ProcessorTopologiesConfiguration}; the call-record part
 * attaches every such bean to its records.
 */
public interface CallRecordsDownstream {

    /** Adds this part's stores, processors and sinks behind {@code records}. Pure: no I/O, no Kafka client. */
    void addTo(StreamsBuilder builder, KStream<String, CallRecord> records);
}
