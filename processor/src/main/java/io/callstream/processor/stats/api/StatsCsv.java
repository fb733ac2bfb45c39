package io.callstream.processor.stats.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.MediaType;

/** A statistics series as CSV: one row per window, the JSON's names as column names, the wait buckets as six columns. */
final class StatsCsv {

    static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final List<String> HEADER = List.of("start", "end", "offered", "answered", "missed", "abandoned_short",
            "rejected", "timed_out", "outbound", "outbound_connected", "answer_rate", "asa_seconds",
            "avg_wait_missed_seconds", "max_wait_seconds", "aht_seconds", "talk_seconds", "outbound_talk_seconds",
            "service_level", "service_level_2", "wait_0_5", "wait_5_10", "wait_10_20", "wait_20_30", "wait_30_60",
            "wait_60_plus", "peak_concurrent", "answered_share");

    private StatsCsv() {
    }

    static String of(StatsSeriesView series) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (StatsWindowView window : series.series()) {
            Stream<Object> buckets = window.waitBuckets() == null ? Stream.generate(() -> (Object) null).limit(6)
                    : window.waitBuckets().stream().map(StatsWindowView.WaitBucketView::answered);
            Stream<Object> cells = Stream.of(Stream.<Object>of(window.start(), window.end(), window.offered(),
                            window.answered(), window.missed(), window.abandonedShort(), window.rejected(), window.timedOut(),
                            window.outbound(), window.outboundConnected(), window.answerRate(), window.asaSeconds(),
                            window.avgWaitMissedSeconds(), window.maxWaitSeconds(), window.ahtSeconds(),
                            window.talkSeconds(), window.outboundTalkSeconds(), window.serviceLevel(),
                            window.serviceLevel2()), buckets, Stream.<Object>of(window.peakConcurrent(), window.answeredShare()))
                    .flatMap(part -> part);
            csv.append(cells.map(cell -> Objects.toString(cell, "")).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }
}
