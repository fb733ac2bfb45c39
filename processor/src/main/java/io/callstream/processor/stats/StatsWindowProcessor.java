package io.callstream.processor.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.CallStats;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.internal.StatsCounts;
import io.callstream.schema.internal.StatsDelta;
import io.callstream.schema.internal.StatsQuarterChange;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps every quarter hour of every site dimension as the sum of what its calls add (its counts,
 * and its multisets entry by entry in {@link QuarterDetails}) and applies each call's difference.
 * A changed quarter is marked in a store of its own, in the same transaction; every
 * {@code publishInterval} the marked quarters get their peak and longest wait, and the figures of
 * each changed quarter, local hour and local day are published once, however many calls changed
 * them. All of a site's quarters are in one task (the differences are keyed by site), so an hour or
 * a day is read from the quarters it is made of.
 */
final class StatsWindowProcessor implements Processor<String, StatsDelta, String, CallStats> {

    private final Duration retention;
    private final Duration purgeInterval;
    private final Duration publishInterval;
    private ProcessorContext<String, CallStats> context;
    private KeyValueStore<String, StatsCounts> quarters;
    private KeyValueStore<String, String> changed;
    private QuarterDetails details;
    private KeyValueStore<String, ValueAndTimestamp<SiteConfig>> sites;

    StatsWindowProcessor(Duration retention, Duration purgeInterval, Duration publishInterval) {
        this.retention = retention;
        this.purgeInterval = purgeInterval;
        this.publishInterval = publishInterval;
    }

    @Override
    public void init(ProcessorContext<String, CallStats> context) {
        this.context = context;
        this.quarters = context.getStateStore(StoreNames.STATS_QUARTERS);
        this.changed = context.getStateStore(StoreNames.STATS_CHANGED);
        this.details = new QuarterDetails(context.getStateStore(StoreNames.STATS_QUARTER_DETAILS));
        this.sites = context.getStateStore(StoreNames.SITES);
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::publishChangedQuarters);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::forgetQuartersOlderThanTheRetention);
    }

    @Override
    public void process(Record<String, StatsDelta> record) {
        for (StatsQuarterChange change : StatsDeltas.changes(record.value())) {
            apply(record.key(), change);
        }
    }

    private void apply(String site, StatsQuarterChange change) {
        String key = StatsKeys.quarter(site, change.getDimension(), change.getQuarterStart().toEpochMilli());
        StatsCounts minus = change.getMinus() == null ? Counts.empty() : change.getMinus();
        StatsCounts plus = change.getPlus() == null ? Counts.empty() : change.getPlus();
        StatsCounts stored = quarters.get(key);
        StatsCounts counts = Counts.sum(Counts.sum(stored == null ? Counts.empty() : stored, minus, -1), plus, 1);
        counts.setConcurrency(Map.of());
        counts.setWaits(Map.of());
        counts.setPeak(stored == null ? 0 : stored.getPeak());
        counts.setMaxWaitSeconds(stored == null ? -1 : stored.getMaxWaitSeconds());
        details.applyChanges(key, minus.getConcurrency(), plus.getConcurrency());
        details.applyWaits(key, minus.getWaits(), plus.getWaits());
        quarters.put(key, counts);
        changed.put(key, site);
    }

    /** The quarters changed since the last time: their peak and longest wait, then each affected window's figures, once. */
    private void publishChangedQuarters(long now) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> all = changed.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        Set<PublishedWindow> windows = new LinkedHashSet<>();
        long horizon = now - retention.toMillis();
        for (String key : keys) {
            changed.delete(key);
            if (StatsKeys.quarterStart(key) < horizon) {
                continue;
            }
            String site = key.substring(0, key.indexOf('/'));
            String dimension = key.substring(site.length() + 1, key.length() - StatsKeys.MILLIS_DIGITS - 1);
            long quarterStart = StatsKeys.quarterStart(key);
            StatsCounts counts = quarters.get(key);
            if (counts != null) {
                counts.setPeak(details.peak(key));
                counts.setMaxWaitSeconds(details.maxWaitSeconds(key));
                if (Counts.isEmpty(counts)) {
                    quarters.delete(key);
                } else {
                    quarters.put(key, counts);
                }
            }
            StatsSite settings = settings(site);
            for (StatsInterval interval : StatsInterval.values()) {
                windows.add(new PublishedWindow(site, dimension, interval, interval.windowOf(quarterStart, settings.zone())));
            }
        }
        for (PublishedWindow window : windows) {
            StatsSite settings = settings(window.site());
            CallStats stats = StatsFigures.of(quarters, window.site(), window.dimension(), window.interval(),
                    window.bounds(), settings);
            context.forward(new Record<>(StatsKeys.topicKey(window.site(), window.dimension(), window.interval(),
                    window.bounds().start()), stats, now));
        }
    }

    private StatsSite settings(String site) {
        ValueAndTimestamp<SiteConfig> config = sites.get(site);
        return StatsSite.of(config == null ? null : config.value());
    }

    private void forgetQuartersOlderThanTheRetention(long now) {
        long horizon = now - retention.toMillis();
        StoreSweep.deleteWhere(quarters, (key, counts) -> StatsKeys.quarterStart(key) < horizon);
        details.forgetBefore(horizon);
        StoreSweep.deleteWhere(changed, (key, site) -> StatsKeys.quarterStart(key) < horizon);
    }

    private record PublishedWindow(String site, String dimension, StatsInterval interval, StatsInterval.Window bounds) {
    }
}
