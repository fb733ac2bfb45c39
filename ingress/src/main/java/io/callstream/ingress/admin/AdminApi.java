package io.callstream.ingress.admin;

import java.time.Instant;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The admin API's JSON documents. Names are snake_case like Zammad's own CTI configuration
 * ({@code caller_id}, {@code dest}, {@code note}, {@code default_caller_id}).
 */
public final class AdminApi {

    private AdminApi() {
    }

    /** A site as the API shows it; never with its token. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SiteView(String id, String displayName, boolean enabled, String countryCode, String timeZone,
            int serviceLevelThresholdSeconds, int abandonedShortSeconds, String defaultCallerId, int blockListSize, int routingSize,
            Instant updatedAt) {
    }

    /** A site with its new PBX token: shown once, when the site is created or its token rotated. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SiteWithToken(SiteView site, String token) {
    }

    /**
     * A new site; {@code display_name} defaults to the id, {@code enabled} to true, {@code time_zone}
     * to UTC, {@code service_level_threshold_seconds} to 20, {@code abandoned_short_seconds} to 5.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewSite(String id, String displayName, Boolean enabled, String countryCode, String timeZone,
            Integer serviceLevelThresholdSeconds, Integer abandonedShortSeconds) {
    }

    /**
     * A site's settings, replaced as a whole: a missing {@code country_code} removes it, a missing
     * {@code time_zone}, {@code service_level_threshold_seconds} or {@code abandoned_short_seconds}
     * sets its default (UTC, 20, 5).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SiteSettings(String displayName, Boolean enabled, String countryCode, String timeZone,
            Integer serviceLevelThresholdSeconds, Integer abandonedShortSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BlockEntry(String callerId, String note) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RoutingRow(String dest, String callerId, String note) {
    }

    /** The caller id for outbound numbers no routing row matches; empty or missing for no rewrite. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DefaultCallerId(String callerId) {
    }
}
