package io.callstream.processor.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.CallRecord;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.internal.StatsContribution;
import io.callstream.schema.internal.StatsCounts;
import io.callstream.schema.internal.StatsDelta;
import io.callstream.schema.internal.StatsPart;
import io.callstream.schema.internal.StatsQuarterChange;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Counts each call once, in its latest version: remembers what the previous version of a call
 * record added to the statistics and, for a new version, sends the difference for each quarter it
 * touches (take out the old part, add the new one), all in one delta keyed by site. A version that
 * changes nothing the statistics count sends nothing.
 */
final class StatsContributionProcessor implements Processor<String, CallRecord, String, StatsDelta> {

    private final Duration retention;
    private final Duration purgeInterval;
    private ProcessorContext<String, StatsDelta> context;
    private KeyValueStore<String, StatsContribution> contributions;
    private KeyValueStore<String, ValueAndTimestamp<SiteConfig>> sites;

    StatsContributionProcessor(Duration retention, Duration purgeInterval) {
        this.retention = retention;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, StatsDelta> context) {
        this.context = context;
        this.contributions = context.getStateStore(StoreNames.STATS_CONTRIBUTIONS);
        this.sites = context.getStateStore(StoreNames.SITES);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::forgetCallsOlderThanTheRetention);
    }

    @Override
    public void process(Record<String, CallRecord> record) {
        StatsContribution before = contributions.get(record.key());
        String site = record.value() != null ? record.value().getSite()
                : before != null ? before.getSite() : null;
        if (site == null) {
            return;
        }
        long horizon = context.currentSystemTimeMs() - retention.toMillis();
        List<StatsPart> after = record.value() == null ? List.of()
                : CallContributions.of(record.value(), StatsSite.of(siteConfig(site))).stream()
                        .filter(part -> part.getQuarterStart().toEpochMilli() >= horizon).toList();
        Map<PartKey, StatsCounts> old = index(before == null ? List.of() : before.getParts());
        Map<PartKey, StatsCounts> now = index(after);
        Set<PartKey> touched = new LinkedHashSet<>(old.keySet());
        touched.addAll(now.keySet());
        List<StatsQuarterChange> changes = new ArrayList<>();
        for (PartKey part : touched) {
            StatsCounts minus = old.get(part);
            StatsCounts plus = now.get(part);
            if (!Objects.equals(minus, plus)) {
                changes.add(new StatsQuarterChange(part.dimension(), Instant.ofEpochMilli(part.quarterStart()), minus, plus));
            }
        }
        if (!changes.isEmpty()) {
            context.forward(record.withKey(site).withValue(StatsDeltas.of(changes)));
        }
        if (after.isEmpty()) {
            contributions.delete(record.key());
        } else {
            contributions.put(record.key(), new StatsContribution(site, after));
        }
    }

    private SiteConfig siteConfig(String site) {
        ValueAndTimestamp<SiteConfig> config = sites.get(site);
        return config == null ? null : config.value();
    }

    private static Map<PartKey, StatsCounts> index(List<StatsPart> parts) {
        Map<PartKey, StatsCounts> index = new LinkedHashMap<>();
        for (StatsPart part : parts) {
            index.put(new PartKey(part.getDimension(), part.getQuarterStart().toEpochMilli()), part.getCounts());
        }
        return index;
    }

    /** Calls whose every quarter is past the retention: their windows are gone, so is what they added. */
    private void forgetCallsOlderThanTheRetention(long now) {
        long horizon = now - retention.toMillis();
        StoreSweep.deleteWhere(contributions, (key, contribution) -> contribution.getParts().stream()
                .allMatch(part -> part.getQuarterStart().toEpochMilli() < horizon));
    }

    private record PartKey(String dimension, long quarterStart) {
    }
}
