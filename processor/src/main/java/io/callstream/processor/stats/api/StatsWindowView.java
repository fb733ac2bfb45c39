package io.callstream.processor.stats.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.callstream.schema.CallStats;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The figures of one window as the API shows them: the names and definitions of {@code CallStats}
 * (its schema documents each). With {@code direction=in} the outbound figures are null, with
 * {@code direction=out} the inbound ones; {@code answered_share} is an agent's share of the site's
 * answered calls in the window (null for a site or a queue).
 */
@Schema(name = "StatsWindow")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatsWindowView(Instant start, Instant end, Long offered, Long answered, Long missed, Long abandonedShort,
        Long rejected, long timedOut, Long outbound, Long outboundConnected, Double answerRate, Double asaSeconds,
        Double avgWaitMissedSeconds, Double maxWaitSeconds, Double ahtSeconds, Double talkSeconds,
        Double outboundTalkSeconds, Double serviceLevel, @JsonProperty("service_level_2") Double serviceLevel2,
        List<WaitBucketView> waitBuckets, int peakConcurrent, Double answeredShare) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "StatsWaitBucket")
    public record WaitBucketView(int fromSeconds, Integer toSeconds, long answered) {
    }

    /**
     * @param siteAnswered the site's answered calls in the same window, for an agent's share; null otherwise
     * @param direction    {@code in}, {@code out} or null for both directions' figures
     */
    public static StatsWindowView of(CallStats stats, Long siteAnswered, String direction) {
        boolean inbound = !"out".equals(direction);
        boolean outbound = !"in".equals(direction);
        Double share = siteAnswered == null || siteAnswered == 0 ? null : (double) stats.getAnswered() / siteAnswered;
        return new StatsWindowView(stats.getWindowStart(), stats.getWindowEnd(),
                inbound ? stats.getOffered() : null,
                inbound ? stats.getAnswered() : null,
                inbound ? stats.getMissed() : null,
                inbound ? stats.getAbandonedShort() : null,
                inbound ? stats.getRejected() : null,
                stats.getTimedOut(),
                outbound ? stats.getOutbound() : null,
                outbound ? stats.getOutboundConnected() : null,
                inbound ? stats.getAnswerRate() : null,
                inbound ? stats.getAsaSeconds() : null,
                inbound ? stats.getAvgWaitMissedSeconds() : null,
                inbound ? stats.getMaxWaitSeconds() : null,
                inbound ? stats.getAhtSeconds() : null,
                inbound ? stats.getTalkSeconds() : null,
                outbound ? stats.getOutboundTalkSeconds() : null,
                inbound ? stats.getServiceLevel() : null,
                inbound ? stats.getServiceLevel2() : null,
                inbound ? stats.getWaitBuckets().stream()
                        .map(bucket -> new WaitBucketView(bucket.getFromSeconds(), bucket.getToSeconds(), bucket.getAnswered()))
                        .toList() : null,
                stats.getPeakConcurrent(),
                inbound ? share : null);
    }
}
