package io.callstream.benchmarks;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import io.callstream.processor.config.BoundedRocksDbMemory;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What Kafka Streams itself does with the same events under the processor's guarantees, as the curve of
 * events/s against the number of stores: a topology that, per event, reads and rewrites the event's key
 * in each of N persistent stores (RocksDB, changelogged, uncached, the processor's bounded RocksDB
 * memory) and writes the event to an output topic, exactly-once, committing every 100 ms. No parsing, no
 * logic: the processor can at best reach the rate of the curve at its own number of writes per event.
 */
final class StreamsCeiling {

    private StreamsCeiling() {
    }

    /** Replays the events topic through a fresh application with {@code stores} stores; returns its replay. */
    static ProcessorThroughput.Replay replay(String bootstrap, int events, int stores) throws Exception {
        String applicationId = "bench-streams-" + stores + "-stores";
        System.out.printf("== Kafka Streams alone, exactly-once, %d store(s) read and rewritten per event%n", stores);
        String output = "bench-streams-" + stores + "-out";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // Brokers here create no topic on request; the output gets the events topic's partitions.
            int partitions = admin.describeTopics(List.of(Topics.CTI_EVENTS)).allTopicNames().get()
                    .get(Topics.CTI_EVENTS).partitions().size();
            admin.createTopics(List.of(new NewTopic(output, partitions, (short) 1))).all().get();
        }
        try (KafkaStreams streams = new KafkaStreams(topology(stores, output), settings(bootstrap, applicationId))) {
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                if (streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException(applicationId + " failed at start (see its log above)");
                }
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            ProcessorThroughput.Progress progress = ProcessorThroughput.awaitQuiet(bootstrap, applicationId, events);
            double rate = ProcessorThroughput.report("Kafka Streams alone, " + stores + " store(s)", events,
                    progress.end() - start);
            double warmRate = ProcessorThroughput.report("  second half (after warm-up)", events - progress.eventsAtHalf(),
                    progress.end() - progress.half());
            return new ProcessorThroughput.Replay(rate, warmRate);
        }
    }

    private static Topology topology(int stores, String output) {
        Topology topology = new Topology();
        topology.addSource("events", Serdes.Bytes().deserializer(), Serdes.Bytes().deserializer(), Topics.CTI_EVENTS);
        List<String> names = IntStream.range(0, stores).mapToObj(store -> "store-" + store).toList();
        topology.addProcessor("rewrite", () -> new RewriteInEveryStore(names), "events");
        for (String name : names) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(),
                    Serdes.Bytes()).withCachingDisabled(), "rewrite");
        }
        topology.addSink("out", output, Serdes.Bytes().serializer(),
                Serdes.Bytes().serializer(), "rewrite");
        return topology;
    }

    private static Properties settings(String bootstrap, String applicationId) throws java.io.IOException {
        Properties settings = new Properties();
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-streams").toString());
        settings.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        settings.put(BoundedRocksDbMemory.TOTAL_BYTES, 256L * 1024 * 1024);
        return settings;
    }

    /** Per event: each store's value for the key read and replaced by the event; then the event goes on. */
    private static final class RewriteInEveryStore
            implements Processor<Bytes, Bytes, Bytes, Bytes> {

        private final List<String> names;
        private List<KeyValueStore<Bytes, Bytes>> stores;
        private ProcessorContext<Bytes, Bytes> context;

        RewriteInEveryStore(List<String> names) {
            this.names = names;
        }

        @Override
        public void init(ProcessorContext<Bytes, Bytes> context) {
            this.context = context;
            this.stores = names.stream()
                    .<KeyValueStore<Bytes, Bytes>>map(context::getStateStore)
                    .toList();
        }

        @Override
        public void process(Record<Bytes, Bytes> event) {
            for (KeyValueStore<Bytes, Bytes> store : stores) {
                store.get(event.key());
                store.put(event.key(), event.value());
            }
            context.forward(event);
        }
    }
}
