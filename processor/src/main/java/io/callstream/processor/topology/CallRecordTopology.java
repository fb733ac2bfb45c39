package io.callstream.processor.topology;

import java.time.Duration;
import java.util.List;

import io.callstream.processor.calls.CallRules;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallCommand;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Contact;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.TopicNames;
import io.callstream.schema.Topics;
import io.callstream.schema.internal.CallHistory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Call records from CTI events: every event and every done command of a call id goes through one
 * processor that owns the call id's history, and each changed record goes to
 * {@link Topics#CALL_RECORDS} and to the {@link CallRecordsDownstream} parts (statistics). Contacts are a
 * global table, so any number can be looked up locally.
 */
public final class CallRecordTopology implements ProcessorTopology {

    private final TopicNames topics;
    private final CallRules rules;
    private final Duration punctuationInterval;
    private final CallRecordsWritten written;
    private final List<CallRecordsDownstream> downstream;

    public CallRecordTopology(CallRules rules, Duration punctuationInterval) {
        this(TopicNames.UNPREFIXED, rules, punctuationInterval, CallRecordsWritten.NONE, List.of());
    }

    /**
     * @param written    told of every record written, for metrics
     * @param downstream parts fed by every changed record, in the same task
     */
    public CallRecordTopology(TopicNames topics, CallRules rules, Duration punctuationInterval,
            CallRecordsWritten written, List<? extends CallRecordsDownstream> downstream) {
        this.topics = topics;
        this.rules = rules;
        this.punctuationInterval = punctuationInterval;
        this.written = written;
        this.downstream = List.copyOf(downstream);
    }

    @Override
    public void addTo(StreamsBuilder builder) {
        Serde<String> keys = Serdes.String();
        AvroSerde<CallRecord> records = AvroSerde.of(CallRecord.class);

        builder.globalTable(topics.contacts(), Consumed.with(keys, AvroSerde.of(Contact.class)).withName("contacts"),
                Materialized.<String, Contact, KeyValueStore<Bytes, byte[]>>as(StoreNames.CONTACTS)
                        .withKeySerde(keys).withValueSerde(AvroSerde.of(Contact.class)));
        builder.addStateStore(store(StoreNames.CALL_HISTORY, AvroSerde.of(CallHistory.class)));
        builder.addStateStore(store(StoreNames.CALL_DEADLINES, keys));
        builder.addStateStore(store(StoreNames.CALL_RECORDS, records));
        builder.addStateStore(store(StoreNames.CALL_LOG, keys));
        builder.addStateStore(store(StoreNames.ACTIVE_CALLS, keys));

        KStream<String, CallInput> events = builder
                .stream(topics.ctiEvents(), Consumed.with(keys, AvroSerde.of(CtiEvent.class)).withName("cti-events"))
                .mapValues(CallInput.Event::new, Named.as("event-as-input"));
        KStream<String, CallInput> commands = builder
                .stream(topics.callCommands(), Consumed.with(keys, AvroSerde.of(CallCommand.class)).withName("call-commands"))
                .mapValues(CallInput.Command::new, Named.as("command-as-input"));

        KStream<String, CallRecord> changed = events.merge(commands, Named.as("events-and-commands"))
                .process(() -> new CallRecordProcessor(rules, punctuationInterval, written), Named.as("call-records"),
                        StoreNames.CALL_HISTORY, StoreNames.CALL_DEADLINES, StoreNames.CALL_RECORDS, StoreNames.CALL_LOG,
                        StoreNames.ACTIVE_CALLS);
        changed.to(topics.callRecords(), Produced.with(keys, records).withName("call-records-out"));
        downstream.forEach(part -> part.addTo(builder, changed));
    }

    private static <V> org.apache.kafka.streams.state.StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
