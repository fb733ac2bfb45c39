package io.callstream.processor.stats;

import java.time.Duration;

import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.CallStats;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.internal.StatsCounts;
import io.callstream.schema.internal.StatsDelta;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps every quarter hour of every site dimension as the sum of what its calls add, applies each
 * call's difference, and publishes the figures of the quarter, its local hour and its local day.
 * All of a site's quarters are in one task (the differences are keyed by site), so an hour or a day
 * is read from the quarters it is made of.
 */
final class StatsWindowProcessor implements Processor<String, StatsDelta, String, CallStats> {

    private final Duration retention;
    private final Duration purgeInterval;
    private ProcessorContext<String, CallStats> context;
    private KeyValueStore<String, StatsCounts> quarters;
    private KeyValueStore<String, ValueAndTimestamp<SiteConfig>> sites;

    StatsWindowProcessor(Duration retention, Duration purgeInterval) {
        this.retention = retention;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, CallStats> context) {
        this.context = context;
        this.quarters = context.getStateStore(StoreNames.STATS_QUARTERS);
        this.sites = context.getStateStore(StoreNames.SITES);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::forgetQuartersOlderThanTheRetention);
    }

    @Override
    public void process(Record<String, StatsDelta> record) {
        String site = record.key();
        StatsDelta delta = record.value();
        long quarterStart = delta.getQuarterStart().toEpochMilli();
        String key = StatsKeys.quarter(site, delta.getDimension(), quarterStart);
        StatsCounts counts = quarters.get(key);
        counts = counts == null ? Counts.empty() : counts;
        if (delta.getMinus() != null) {
            counts = Counts.sum(counts, delta.getMinus(), -1);
        }
        if (delta.getPlus() != null) {
            counts = Counts.sum(counts, delta.getPlus(), 1);
        }
        if (Counts.isEmpty(counts)) {
            quarters.delete(key);
        } else {
            quarters.put(key, counts);
        }
        ValueAndTimestamp<SiteConfig> config = sites.get(site);
        StatsSite settings = StatsSite.of(config == null ? null : config.value());
        for (StatsInterval interval : StatsInterval.values()) {
            StatsInterval.Window window = interval.windowOf(quarterStart, settings.zone());
            CallStats stats = StatsFigures.of(quarters, site, delta.getDimension(), interval, window, settings);
            context.forward(record.withKey(StatsKeys.topicKey(site, delta.getDimension(), interval, window.start()))
                    .withValue(stats));
        }
    }

    private void forgetQuartersOlderThanTheRetention(long now) {
        long horizon = now - retention.toMillis();
        StoreSweep.deleteWhere(quarters, (key, counts) -> StatsKeys.quarterStart(key) < horizon);
    }
}
