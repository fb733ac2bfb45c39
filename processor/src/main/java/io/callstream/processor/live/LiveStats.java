package io.callstream.processor.live;

import java.util.Locale;

import io.callstream.processor.stats.api.StatsWindowView;
import io.callstream.schema.CallStats;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A statistics update on the live stream: which window of which dimension, and its figures. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LiveStats(String key, String site, String dimension, String dimensionValue, String interval,
        StatsWindowView window) {

    static LiveStats of(String key, CallStats stats) {
        return new LiveStats(key, stats.getSite(), stats.getDimension().name().toLowerCase(Locale.ROOT),
                stats.getDimensionValue(), stats.getInterval(), StatsWindowView.of(stats, null, null));
    }
}
