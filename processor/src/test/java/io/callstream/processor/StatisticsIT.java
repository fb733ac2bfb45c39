package io.callstream.processor;

import static io.callstream.processor.calls.TestEvents.answer;
import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import io.callstream.kafka.local.SharedLocalKafka;
import io.callstream.processor.calls.TestEvents;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallProgress;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Direction;
import io.callstream.schema.HangupCause;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated working day (queues and agents, a morning and an afternoon peak, answered, missed and
 * short-abandoned calls, rejected callers, outbound calls, calls that never hang up) through the
 * real processor: its statistics equal a straightforward batch computation over the final call
 * records, written here from the definitions and sharing no code with the topology.
 */
class StatisticsIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int CALLS = 400;
    private static final long T_MS = 20_000;
    private static final long SHORT_MS = 5_000;
    private static final List<String> QUEUES = List.of("sales", "support", "billing");
    private static final List<String> AGENTS = List.of("alice", "bob", "carol", "dave");

    @TempDir
    static Path stateDirectory;

    private static ProcessorInstance processor;

    @BeforeAll
    static void start() {
        processor = ProcessorInstance.start(bootstrap(), "statistics-it-" + UUID.randomUUID(), stateDirectory);
        await().atMost(PATIENCE).until(() -> processor.readiness() == 200);
    }

    @AfterAll
    static void stop() {
        processor.close();
    }

    @Test
    void shouldGiveTheFiguresOfABatchComputationOverTheFinalRecordsOfAGeneratedDay() {
        String site = "day-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTopics.produce(bootstrap(), Topics.SITES, AvroSerde.of(SiteConfig.class).serializer(),
                List.of(Map.entry(site, siteConfig(site))));
        LocalDate day = LocalDate.now(BERLIN).minusDays(1);
        List<CtiEvent> events = generatedDay(site, day, new Random(20261201));
        KafkaTopics.produce(bootstrap(), Topics.CTI_EVENTS, AvroSerde.of(CtiEvent.class).serializer(),
                events.stream().map(event -> Map.entry(site + "/" + event.getCallId(), event)).toList());

        List<CallRecord> records = finalRecords(site);
        String range = "&from=" + day + "&to=" + day.plusDays(1);

        int hoursOfTheDay = (int) Duration.between(day.atStartOfDay(BERLIN), day.plusDays(1).atStartOfDay(BERLIN)).toHours();
        List<String> hours = reference(records, day, hoursOfTheDay, Duration.ofHours(1), call -> true, null);
        await().atMost(PATIENCE).alias("hourly statistics of the site")
                .until(() -> windows(processor.get("/api/v1/stats?site=" + site + "&interval=1h" + range)), hours::equals);
        for (String queue : QUEUES) {
            assertThat(windows(processor.get("/api/v1/stats?site=" + site + "&interval=1d&queue=" + queue + range)))
                    .as("queue %s", queue)
                    .isEqualTo(reference(records, day, 1, Duration.ofDays(1), call -> queue.equals(call.getQueue()), null));
        }
        for (String agent : AGENTS) {
            assertThat(windows(processor.get("/api/v1/stats?site=" + site + "&interval=1d&agent=" + agent + range)))
                    .as("agent %s", agent)
                    .isEqualTo(reference(records, day, 1, Duration.ofDays(1), call -> agent.equals(call.getAnsweredBy()),
                            records));
        }
        assertThat(windows(processor.get("/api/v1/stats?site=" + site + "&interval=15m" + range)).stream()
                .mapToLong(window -> Long.parseLong(window.substring("offered=".length(), window.indexOf(' ')))).sum())
                .as("offered over all quarters")
                .isEqualTo(records.stream().filter(call -> call.getDirection() == Direction.IN).count());
    }

    /** One working day of {@value #CALLS} calls, seeded: every kind of call the figures tell apart. */
    private static List<CtiEvent> generatedDay(String site, LocalDate day, Random random) {
        List<CtiEvent> events = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            String id = "call-" + i;
            int hour = random.nextDouble() < 0.6 ? (random.nextBoolean() ? 9 + random.nextInt(2) : 14 + random.nextInt(2))
                    : 8 + random.nextInt(10);
            Instant start = day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(BERLIN).toInstant();
            String queue = QUEUES.get(random.nextInt(QUEUES.size()));
            String agent = AGENTS.get(random.nextInt(AGENTS.size()));
            double kind = random.nextDouble();
            long wait = 1 + random.nextInt(90);
            long talk = 10 + random.nextInt(590);
            if (kind < 0.03) {
                events.add(at(site, newCall(id).in().from("4930" + i).to("4940").queue(queue).rejected(), start));
            } else if (kind < 0.09) {
                events.add(at(site, newCall(id).out().from("4940").to("4930" + i).queue(queue).users(agent), start));
                if (random.nextBoolean()) {
                    events.add(at(site, answer(id).out().users(agent), start.plusSeconds(wait)));
                    events.add(at(site, hangup(id).out().cause("normalClearing", HangupCause.NORMAL_CLEARING),
                            start.plusSeconds(wait + talk)));
                } else {
                    events.add(at(site, hangup(id).out().cause("noAnswer", HangupCause.NO_ANSWER), start.plusSeconds(wait)));
                }
            } else if (kind < 0.11) {
                events.add(at(site, newCall(id).in().from("4930" + i).to("4940").queue(queue), start));
                if (random.nextBoolean()) {
                    events.add(at(site, answer(id).in().users(agent), start.plusSeconds(wait)));
                }
            } else if (kind < 0.14) {
                events.add(at(site, newCall(id).in().from("4930" + i).to("4940").queue(queue), start));
                events.add(at(site, hangup(id).in().cause("forwarded", HangupCause.FORWARDED), start.plusSeconds(wait)));
            } else if (kind < 0.30) {
                long waited = kind < 0.20 ? 1 + random.nextInt(4) : 5 + random.nextInt(120);
                events.add(at(site, newCall(id).in().from("4930" + i).to("4940").queue(queue), start));
                events.add(at(site, hangup(id).in().cause("cancel", HangupCause.CANCEL), start.plusSeconds(waited)));
            } else {
                events.add(at(site, newCall(id).in().from("4930" + i).to("4940").queue(queue).users(AGENTS.toArray(String[]::new)),
                        start));
                events.add(at(site, answer(id).in().users(agent), start.plusSeconds(wait)));
                events.add(at(site, hangup(id).in().cause("normalClearing", HangupCause.NORMAL_CLEARING),
                        start.plusSeconds(wait + talk)));
            }
        }
        return events;
    }

    private static CtiEvent at(String site, TestEvents event, Instant receivedAt) {
        return CtiEvent.newBuilder(event.at(0)).setSite(site).setReceivedAt(receivedAt)
                .setEventId(UUID.randomUUID().toString()).build();
    }

    /** The latest record of every call of the site once all have ended (the ones without hangup by timeout). */
    private static List<CallRecord> finalRecords(String site) {
        Map<String, CallRecord> latest = new LinkedHashMap<>();
        Predicate<List<ConsumerRecord<String, CallRecord>>> allEnded = read -> {
            latest.clear();
            read.stream().filter(record -> record.key().startsWith(site + "/"))
                    .forEach(record -> latest.put(record.key(), record.value()));
            return latest.size() == CALLS && latest.values().stream().allMatch(call -> call.getState() == CallProgress.HANGUP);
        };
        KafkaTopics.readUntil(bootstrap(), Topics.CALL_RECORDS, AvroSerde.of(CallRecord.class).deserializer(), allEnded,
                PATIENCE);
        assertThat(latest).hasSize(CALLS);
        return List.copyOf(latest.values());
    }

    /**
     * The figures of {@code count} windows of {@code length} from the day's start, computed the
     * plain way from the definitions in CallStats.avsc.
     */
    private static List<String> reference(List<CallRecord> all, LocalDate day, int count, Duration length,
            Predicate<CallRecord> dimension, List<CallRecord> siteForShare) {
        List<String> windows = new ArrayList<>();
        Instant dayStart = day.atStartOfDay(BERLIN).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(BERLIN).toInstant();
        for (int w = 0; w < count; w++) {
            Instant start = dayStart.plus(length.multipliedBy(w));
            Instant end = count == 1 ? dayEnd : start.plus(length);
            List<CallRecord> calls = all.stream().filter(dimension).filter(call -> call.getDirection() != null).toList();
            List<CallRecord> started = calls.stream().filter(call -> !call.getInitializedAt().isBefore(start)
                    && call.getInitializedAt().isBefore(end)).toList();
            List<CallRecord> in = started.stream().filter(call -> call.getDirection() == Direction.IN).toList();
            List<CallRecord> answered = in.stream().filter(call -> call.getOutcome() == CallOutcome.ANSWERED).toList();
            List<CallRecord> missed = in.stream().filter(call -> List.of(CallOutcome.MISSED, CallOutcome.BUSY,
                    CallOutcome.FAILED, CallOutcome.VOICEMAIL).contains(call.getOutcome())).toList();
            List<CallRecord> out = started.stream().filter(call -> call.getDirection() == Direction.OUT).toList();
            long offered = in.size();
            long rejected = in.stream().filter(call -> call.getOutcome() == CallOutcome.REJECTED).count();
            long answeredWithinT = answered.stream().filter(call -> call.getWaitingTimeMs() <= T_MS).count();
            long missedWithinT = missed.stream().filter(call -> call.getWaitingTimeMs() <= T_MS).count();
            long[] buckets = new long[6];
            long[] bounds = {5_000, 10_000, 20_000, 30_000, 60_000};
            for (CallRecord call : answered) {
                int bucket = 0;
                while (bucket < bounds.length && call.getWaitingTimeMs() >= bounds[bucket]) {
                    bucket++;
                }
                buckets[bucket]++;
            }
            Long siteAnswered = siteForShare == null ? null : siteForShare.stream()
                    .filter(call -> call.getDirection() == Direction.IN && call.getOutcome() == CallOutcome.ANSWERED)
                    .filter(call -> !call.getInitializedAt().isBefore(start) && call.getInitializedAt().isBefore(end))
                    .count();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("offered", offered);
            figures.put("answered", (long) answered.size());
            figures.put("missed", (long) missed.size());
            figures.put("abandoned_short", missed.stream().filter(call -> call.getWaitingTimeMs() < SHORT_MS).count());
            figures.put("rejected", rejected);
            figures.put("timed_out", started.stream().filter(call -> call.getOutcome() == CallOutcome.TIMED_OUT).count());
            figures.put("outbound", (long) out.size());
            figures.put("outbound_connected", out.stream().filter(call -> call.getOutcome() == CallOutcome.ANSWERED).count());
            figures.put("answer_rate", ratio(answered.size(), offered - rejected));
            figures.put("asa_seconds", ratio(sum(answered, CallRecord::getWaitingTimeMs) / 1000.0, answered.size()));
            figures.put("avg_wait_missed_seconds", ratio(sum(missed, CallRecord::getWaitingTimeMs) / 1000.0, missed.size()));
            figures.put("max_wait_seconds", java.util.stream.Stream.concat(answered.stream(), missed.stream())
                    .mapToLong(CallRecord::getWaitingTimeMs).max().stream().mapToObj(max -> max / 1000.0).findFirst()
                    .orElse(null));
            figures.put("aht_seconds", ratio(sum(answered, CallRecord::getTalkingTimeMs) / 1000.0, answered.size()));
            figures.put("talk_seconds", sum(answered, CallRecord::getTalkingTimeMs) / 1000.0);
            figures.put("outbound_talk_seconds", sum(out.stream().filter(call -> call.getOutcome() == CallOutcome.ANSWERED)
                    .toList(), CallRecord::getTalkingTimeMs) / 1000.0);
            figures.put("service_level", ratio(answeredWithinT, answered.size()));
            figures.put("service_level_2", ratio(answeredWithinT + missedWithinT, answered.size() + missed.size()));
            figures.put("wait_buckets", java.util.Arrays.toString(buckets));
            figures.put("peak_concurrent", (long) peak(calls, start, end));
            figures.put("answered_share", siteAnswered == null || siteAnswered == 0 ? null
                    : (double) answered.size() / siteAnswered);
            windows.add(canonical(figures));
        }
        return windows;
    }

    /**
     * The most calls in progress at one instant of [start, end): checked at the window's start and every
     * start in it. A rejected call never rang for anyone (its end is the PBX's hangup, for Zammad's fields).
     */
    private static int peak(List<CallRecord> calls, Instant start, Instant end) {
        List<Instant> instants = new ArrayList<>(List.of(start));
        calls.stream().map(CallRecord::getInitializedAt).filter(at -> !at.isBefore(start) && at.isBefore(end))
                .forEach(instants::add);
        int peak = 0;
        for (Instant instant : instants) {
            int inProgress = (int) calls.stream().filter(call -> call.getOutcome() != CallOutcome.REJECTED)
                    .filter(call -> !call.getInitializedAt().isAfter(instant) && call.getEndAt().isAfter(instant)).count();
            peak = Math.max(peak, inProgress);
        }
        return peak;
    }

    /** Each window of an API answer as the same canonical text as the reference's. */
    private static List<String> windows(String answer) {
        assertThat(answer).startsWith("200 ");
        List<String> windows = new ArrayList<>();
        for (JsonNode window : JsonMapper.shared().readTree(answer.substring(4)).path("series")) {
            Map<String, Object> figures = new LinkedHashMap<>();
            for (String name : List.of("offered", "answered", "missed", "abandoned_short", "rejected", "timed_out",
                    "outbound", "outbound_connected")) {
                figures.put(name, window.path(name).asLong());
            }
            for (String name : List.of("answer_rate", "asa_seconds", "avg_wait_missed_seconds", "max_wait_seconds",
                    "aht_seconds", "talk_seconds", "outbound_talk_seconds", "service_level", "service_level_2")) {
                figures.put(name, window.path(name).isNull() ? null : window.path(name).asDouble());
            }
            long[] buckets = new long[6];
            for (int i = 0; i < 6; i++) {
                buckets[i] = window.path("wait_buckets").path(i).path("answered").asLong();
            }
            figures.put("wait_buckets", java.util.Arrays.toString(buckets));
            figures.put("peak_concurrent", window.path("peak_concurrent").asLong());
            figures.put("answered_share", window.path("answered_share").isNull() ? null
                    : window.path("answered_share").asDouble());
            windows.add(canonical(figures));
        }
        return windows;
    }

    private static String canonical(Map<String, Object> figures) {
        StringBuilder text = new StringBuilder();
        figures.forEach((name, value) -> text.append(name).append('=')
                .append(value instanceof Double number ? String.format(java.util.Locale.ROOT, "%.6f", number) : value)
                .append(' '));
        return text.toString().trim();
    }

    private static long sum(List<CallRecord> calls, java.util.function.Function<CallRecord, Long> value) {
        return calls.stream().map(value).mapToLong(Long::longValue).sum();
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator <= 0 ? null : numerator / denominator;
    }

    private static SiteConfig siteConfig(String site) {
        return SiteConfig.newBuilder().setSiteId(site).setDisplayName(site).setEnabled(true).setTokenSha256("0".repeat(64))
                .setUpdatedAt(Instant.now()).setChangeId(UUID.randomUUID().toString()).setTimeZone(BERLIN.getId())
                .setServiceLevelThresholdSeconds((int) (T_MS / 1000)).setAbandonedShortSeconds((int) (SHORT_MS / 1000))
                .build();
    }

    private static String bootstrap() {
        return SharedLocalKafka.broker().bootstrapServers();
    }
}
