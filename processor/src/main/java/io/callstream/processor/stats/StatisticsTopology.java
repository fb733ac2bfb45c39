package io.callstream.processor.stats;

import java.time.Duration;

import io.callstream.processor.topology.CallRecordsDownstream;
import io.callstream.processor.topology.ProcessorTopology;
import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CallStats;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.TopicNames;
import io.callstream.schema.Topics;
import io.callstream.schema.internal.StatsContribution;
import io.callstream.schema.internal.StatsCounts;
import io.callstream.schema.internal.StatsDelta;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Call statistics from call records: each call counted once in its latest version
 * ({@link StatsContributionProcessor}), summed per quarter hour of each site dimension and published
 * per quarter, local hour and local day ({@link StatsWindowProcessor}) to {@link Topics#CALL_STATS}.
 * Sites' time zones and thresholds come from the sites topic, a global table.
 *
 * <p>In the processor the records come straight from {@link io.callstream.processor.topology.CallRecordTopology},
 * in the same task; {@link #fromRecordsTopic()} reads them from {@link Topics#CALL_RECORDS} instead.
 */
public final class StatisticsTopology implements CallRecordsDownstream {

    /** How often quarters and contributions past the retention are deleted. */
    public static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /** How often the windows of changed quarters are published: once each, however many calls changed them. */
    public static final Duration PUBLISH_INTERVAL = Duration.ofMillis(250);

    private final TopicNames topics;
    private final Duration retention;

    /** @param retention how long a window keeps accepting changes of its calls */
    public StatisticsTopology(Duration retention) {
        this(TopicNames.UNPREFIXED, retention);
    }

    public StatisticsTopology(TopicNames topics, Duration retention) {
        this.topics = topics;
        this.retention = retention;
    }

    /** Statistics as a part of their own, from the records on their topic (as any consumer of the topic sees them). */
    public ProcessorTopology fromRecordsTopic() {
        return builder -> addTo(builder, builder.stream(topics.callRecords(),
                Consumed.with(Serdes.String(), AvroSerde.of(CallRecord.class)).withName("call-records-for-stats")));
    }

    @Override
    public void addTo(StreamsBuilder builder, KStream<String, CallRecord> records) {
        Serde<String> keys = Serdes.String();
        builder.globalTable(topics.sites(), Consumed.with(keys, AvroSerde.of(SiteConfig.class)).withName("sites"),
                Materialized.<String, SiteConfig, KeyValueStore<Bytes, byte[]>>as(StoreNames.SITES)
                        .withKeySerde(keys).withValueSerde(DecodedOnce.of(AvroSerde.of(SiteConfig.class))));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.STATS_CONTRIBUTIONS),
                keys, AvroSerde.of(StatsContribution.class)));
        builder.addStateStore(cachedStore(StoreNames.STATS_QUARTERS, AvroSerde.of(StatsCounts.class)));
        builder.addStateStore(cachedStore(StoreNames.STATS_QUARTER_DETAILS, Serdes.Long()));
        builder.addStateStore(cachedStore(StoreNames.STATS_CHANGED, keys));

        records.process(() -> new StatsContributionProcessor(retention, PURGE_INTERVAL), Named.as("stats-contributions"),
                        StoreNames.STATS_CONTRIBUTIONS)
                .repartition(Repartitioned.with(keys, AvroSerde.of(StatsDelta.class)).withName("stats-deltas"))
                .process(() -> new StatsWindowProcessor(retention, PURGE_INTERVAL, PUBLISH_INTERVAL),
                        Named.as("stats-quarters"), StoreNames.STATS_QUARTERS, StoreNames.STATS_QUARTER_DETAILS,
                        StoreNames.STATS_CHANGED)
                .to(topics.callStats(), Produced.with(keys, AvroSerde.of(CallStats.class)).withName("call-stats-out"));
    }

    /**
     * For the quarters' stores: a busy quarter is read and rewritten by call after call, and the cache keeps
     * the latest version in memory and writes it to RocksDB and its changelog once per commit. The
     * contributions are not cached: each call has its own entry, rewritten seconds or minutes apart, and its
     * entries would push the few hot quarters out of the cache (Streams evicts from the store being written).
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> cachedStore(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }
}
