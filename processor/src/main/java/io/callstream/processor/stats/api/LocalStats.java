package io.callstream.processor.stats.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import io.callstream.processor.query.NotQueryableHereException;
import io.callstream.processor.query.QueryableStreams;
import io.callstream.processor.stats.StatsDimensions;
import io.callstream.processor.stats.StatsFigures;
import io.callstream.processor.stats.StatsInterval;
import io.callstream.processor.stats.StatsSite;
import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.CallStats;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.internal.StatsCounts;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads a site's statistics from this instance's quarters store (the partition that holds the site). */
public final class LocalStats {

    private final Supplier<Optional<KafkaStreams>> streams;

    public LocalStats(Supplier<Optional<KafkaStreams>> streams) {
        this.streams = streams;
    }

    public StatsSeriesView series(StatsRequest request, int partition, Instant now) {
        try {
            KafkaStreams running = QueryableStreams.running(streams.get());
            StatsSite settings = settings(running, request.site());
            ReadOnlyKeyValueStore<String, StatsCounts> quarters = running.store(StoreQueryParameters
                    .<ReadOnlyKeyValueStore<String, StatsCounts>>fromNameAndType(StoreNames.STATS_QUARTERS,
                            QueryableStoreTypes.keyValueStore())
                    .withPartition(partition));
            String dimension = request.dimension();
            List<StatsWindowView> series = new ArrayList<>();
            for (StatsInterval.Window window : request.windows(settings.zone(), now)) {
                CallStats stats = StatsFigures.of(quarters, request.site(), dimension, request.interval(), window, settings);
                Long siteAnswered = request.agent() == null ? null : StatsFigures.of(quarters, request.site(),
                        StatsDimensions.SITE, request.interval(), window, settings).getAnswered();
                series.add(StatsWindowView.of(stats, siteAnswered, request.direction()));
            }
            return new StatsSeriesView(request.site(), request.interval().label(), settings.zone().getId(),
                    StatsDimensions.type(dimension).name().toLowerCase(Locale.ROOT), StatsDimensions.value(dimension),
                    settings.serviceLevelThresholdSeconds(), series);
        } catch (InvalidStateStoreException e) {
            throw new NotQueryableHereException("the statistics are not queryable here now: " + e.getMessage(), e);
        }
    }

    /** Every site on the sites topic (a global table: each instance holds all of them), by id. */
    public List<StatsSiteView> sites() {
        try {
            List<StatsSiteView> all = new ArrayList<>();
            try (KeyValueIterator<String, SiteConfig> each = sites(QueryableStreams.running(streams.get())).all()) {
                each.forEachRemaining(site -> all.add(StatsSiteView.of(site.value)));
            }
            all.sort(Comparator.comparing(StatsSiteView::site));
            return all;
        } catch (InvalidStateStoreException e) {
            throw new NotQueryableHereException("the sites are not queryable here now: " + e.getMessage(), e);
        }
    }

    private static StatsSite settings(KafkaStreams running, String site) {
        return StatsSite.of(sites(running).get(site));
    }

    private static ReadOnlyKeyValueStore<String, SiteConfig> sites(KafkaStreams running) {
        return running.store(StoreQueryParameters
                .fromNameAndType(StoreNames.SITES, QueryableStoreTypes.<String, SiteConfig>keyValueStore()));
    }
}
