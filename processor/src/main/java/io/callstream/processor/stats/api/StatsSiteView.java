package io.callstream.processor.stats.api;

import io.callstream.processor.stats.StatsSite;
import io.callstream.schema.SiteConfig;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A site as the statistics see it: its name and the settings that shape its figures (no token, no rules). */
@Schema(name = "StatsSite")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatsSiteView(String site, String displayName, boolean enabled, String timeZone,
        int serviceLevelThresholdSeconds, int abandonedShortSeconds) {

    static StatsSiteView of(SiteConfig config) {
        StatsSite settings = StatsSite.of(config);
        return new StatsSiteView(config.getSiteId(), config.getDisplayName(), config.getEnabled(),
                settings.zone().getId(), settings.serviceLevelThresholdSeconds(), settings.abandonedShortSeconds());
    }
}
