package io.callstream.processor.stats.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer of {@code GET /api/v1/stats}: one dimension of a site, window after window, empty ones as zeros. */
@Schema(name = "StatsSeries")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatsSeriesView(String site, String interval, String timeZone, String dimension, String dimensionValue,
        int serviceLevelThresholdSeconds, List<StatsWindowView> series) {
}
