package io.callstream.processor.stats.api;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer of {@code GET /api/v1/stats/today}: today so far in the site's time zone, and the calls in progress. */
@Schema(name = "StatsToday")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatsTodayView(String site, String timeZone, int serviceLevelThresholdSeconds, StatsWindowView today,
        ActiveNow activeNow) {

    @Schema(name = "StatsActiveNow")
    public record ActiveNow(long ringing, long talking) {
    }

    static StatsTodayView of(StatsSeriesView day, ActiveNow active) {
        return new StatsTodayView(day.site(), day.timeZone(), day.serviceLevelThresholdSeconds(), day.series().get(0), active);
    }
}
