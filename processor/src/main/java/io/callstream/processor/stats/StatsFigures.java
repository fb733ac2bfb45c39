package io.callstream.processor.stats;

import io.callstream.schema.CallStats;
import io.callstream.schema.internal.StatsCounts;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The figures of one window of one site dimension, read from the quarters store: what is published and what is queried. */
public final class StatsFigures {

    private StatsFigures() {
    }

    public static CallStats of(ReadOnlyKeyValueStore<String, StatsCounts> quarters, String site, String dimension,
            StatsInterval interval, StatsInterval.Window window, StatsSite settings) {
        WindowFigures figures = new WindowFigures();
        try (KeyValueIterator<String, StatsCounts> inWindow = quarters.range(StatsKeys.quarter(site, dimension, window.start()),
                StatsKeys.quarter(site, dimension, window.end() - 1))) {
            inWindow.forEachRemaining(quarter -> figures.add(quarter.value));
        }
        return figures.toStats(site, dimension, interval, window, settings);
    }
}
