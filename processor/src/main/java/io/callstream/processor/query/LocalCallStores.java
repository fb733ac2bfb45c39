package io.callstream.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Contact;
import io.callstream.schema.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads this instance's share of the stores: the partitions its stream threads own right now.
 * Every iterator is closed; a store that cannot be read now (rebalance) is "not queryable here".
 */
public final class LocalCallStores {

    private final Supplier<Optional<KafkaStreams>> streams;

    public LocalCallStores(Supplier<Optional<KafkaStreams>> streams) {
        this.streams = streams;
    }

    /** The newest calls that match, up to the filter's limit, newest first. */
    public List<CallView> log(CallLogFilter filter) {
        return whileQueryable(() -> logOf(filter));
    }

    private List<CallView> logOf(CallLogFilter filter) {
        KafkaStreams running = running();
        List<CallView> calls = new ArrayList<>();
        for (int partition : localPartitions(running)) {
            ReadOnlyKeyValueStore<String, CallRecord> records = store(running, StoreNames.CALL_RECORDS, partition);
            ReadOnlyKeyValueStore<String, String> log = store(running, StoreNames.CALL_LOG, partition);
            try (KeyValueIterator<String, String> newestFirst = log.all()) {
                int taken = 0;
                while (taken < filter.limit() && newestFirst.hasNext()) {
                    CallRecord record = records.get(newestFirst.next().value);
                    CallView call = record == null ? null : CallView.of(record);
                    if (call != null && filter.matches(call)) {
                        calls.add(call);
                        taken++;
                    }
                }
            }
        }
        calls.sort(CallView.NEWEST_FIRST);
        return calls.subList(0, Math.min(filter.limit(), calls.size()));
    }

    /** Every call that rings or is being talked now, newest first. */
    public List<CallView> active() {
        return whileQueryable(this::activeCalls);
    }

    private List<CallView> activeCalls() {
        KafkaStreams running = running();
        List<CallView> calls = new ArrayList<>();
        for (int partition : localPartitions(running)) {
            ReadOnlyKeyValueStore<String, CallRecord> records = store(running, StoreNames.CALL_RECORDS, partition);
            try (KeyValueIterator<String, String> all = this.<String>store(running, StoreNames.ACTIVE_CALLS, partition).all()) {
                all.forEachRemaining(entry -> Optional.ofNullable(records.get(entry.value))
                        .ifPresent(record -> calls.add(CallView.of(record))));
            }
        }
        calls.sort(CallView.NEWEST_FIRST);
        return calls;
    }

    /** The calls (not yet forgotten) that used this call id, first call first; empty if none. */
    public List<CallView> calls(String callIdKey) {
        return whileQueryable(() -> callsOf(callIdKey));
    }

    private List<CallView> callsOf(String callIdKey) {
        ReadOnlyKeyValueStore<String, CallRecord> records = read(running(), StoreQueryParameters.fromNameAndType(
                StoreNames.CALL_RECORDS, QueryableStoreTypes.keyValueStore()));
        List<CallView> calls = new ArrayList<>();
        try (KeyValueIterator<String, CallRecord> ofCallId = records.prefixScan(callIdKey + "/", new StringSerializer())) {
            ofCallId.forEachRemaining(entry -> calls.add(CallView.of(entry.value)));
        }
        calls.sort(java.util.Comparator.comparingInt(CallView::call));
        return calls;
    }

    public Optional<Contact> contact(String number) {
        return whileQueryable(() -> Optional.ofNullable(read(running(),
                StoreQueryParameters.<ReadOnlyKeyValueStore<String, Contact>>fromNameAndType(
                        StoreNames.CONTACTS, QueryableStoreTypes.keyValueStore())).get(number)));
    }

    /**
     * Stores are resolved lazily: a rebalance can make one unreadable in the middle of a read, not
     * only when it is looked up.
     */
    private static <T> T whileQueryable(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new NotQueryableHereException("the stores are not queryable here now: " + e.getMessage(), e);
        }
    }

    KafkaStreams running() {
        return QueryableStreams.running(streams.get());
    }

    private static List<Integer> localPartitions(KafkaStreams running) {
        return running.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(partition -> partition.topic().endsWith(Topics.CTI_EVENTS)) // whatever the deployment's prefix
                .map(TopicPartition::partition)
                .distinct()
                .sorted()
                .toList();
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams running, String name, int partition) {
        return read(running, StoreQueryParameters.<ReadOnlyKeyValueStore<String, V>>fromNameAndType(name,
                QueryableStoreTypes.keyValueStore()).withPartition(partition));
    }

    private static <T> T read(KafkaStreams running, StoreQueryParameters<T> parameters) {
        try {
            return running.store(parameters);
        } catch (InvalidStateStoreException e) {
            throw new NotQueryableHereException("store " + parameters.storeName() + " is not queryable here now", e);
        }
    }
}
