package io.callstream.processor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.callstream.processor.topology.ProcessorTopologies;
import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallProgress;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CallStats;
import io.callstream.schema.Direction;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.StatsDimension;
import io.callstream.schema.Topics;
import io.callstream.schema.WaitBucket;
import io.callstream.schema.SchemaHistory;
import io.callstream.schema.internal.StatsContribution;
import io.callstream.schema.internal.StatsCounts;
import io.callstream.schema.internal.StatsDelta;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics topology on hand-computed scenarios: calls in, figures out. */
class StatisticsTopologyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(35);
    private static final String QUARTER_9 = "2026-12-01T09:00:00Z";

    @TempDir
    Path stateDirectory;

    private TopologyTestDriver driver;
    private TestInputTopic<String, CallRecord> records;
    private TestInputTopic<String, SiteConfig> sites;
    private TestOutputTopic<String, CallStats> stats;
    private final Map<String, CallStats> latest = new HashMap<>();

    @BeforeEach
    void startTopology() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "statistics-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        driver = new TopologyTestDriver(ProcessorTopologies.build(List.of(new StatisticsTopology(RETENTION).fromRecordsTopic()), settings),
                settings, NOW);
        records = driver.createInputTopic(Topics.CALL_RECORDS, new StringSerializer(),
                AvroSerde.of(CallRecord.class).serializer());
        sites = driver.createInputTopic(Topics.SITES, new StringSerializer(), AvroSerde.of(SiteConfig.class).serializer());
        stats = driver.createOutputTopic(Topics.CALL_STATS, new StringDeserializer(), AvroSerde.of(CallStats.class).deserializer());
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void shouldCountEveryFigureOfAHandComputedQuarterHour() {
        send(Call.in("a").at("09:01:00").queue("sales").answeredBy("alice").waits(4).talks(60));
        send(Call.in("b").at("09:02:00").queue("sales").answeredBy("bob").waits(25).talks(120));
        send(Call.in("c").at("09:02:01").waits(3).ends(CallOutcome.MISSED));
        send(Call.in("d").at("09:05:00").waits(40).ends(CallOutcome.BUSY));
        send(Call.in("e").at("09:06:00").waits(0).ends(CallOutcome.REJECTED));
        send(Call.in("f").at("09:07:00").waits(10).ends(CallOutcome.FORWARDED));
        send(Call.in("g").at("09:08:00").waits(4 * 3600).ends(CallOutcome.TIMED_OUT));
        send(Call.out("h").at("09:09:00").waits(5).talks(30));
        send(Call.out("i").at("09:10:00").waits(20).ends(CallOutcome.NOT_ANSWERED));

        CallStats quarter = stats("berlin/site/15m/" + QUARTER_9);
        assertThat(quarter.getWindowEnd()).isEqualTo(Instant.parse("2026-12-01T09:15:00Z"));
        assertThat(List.of(quarter.getOffered(), quarter.getAnswered(), quarter.getMissed(), quarter.getAbandonedShort(),
                quarter.getRejected(), quarter.getTimedOut(), quarter.getOutbound(), quarter.getOutboundConnected()))
                .as("offered, answered, missed, abandoned_short, rejected, timed_out, outbound, outbound_connected")
                .containsExactly(7L, 2L, 2L, 1L, 1L, 1L, 2L, 1L);
        assertThat(quarter.getAnswerRate()).isEqualTo(2.0 / 6);
        assertThat(quarter.getAsaSeconds()).isEqualTo(14.5);
        assertThat(quarter.getAvgWaitMissedSeconds()).isEqualTo(21.5);
        assertThat(quarter.getMaxWaitSeconds()).isEqualTo(40.0);
        assertThat(quarter.getAhtSeconds()).isEqualTo(90.0);
        assertThat(quarter.getTalkSeconds()).isEqualTo(180.0);
        assertThat(quarter.getOutboundTalkSeconds()).isEqualTo(30.0);
        assertThat(quarter.getServiceLevel()).as("a within 20 s, b not").isEqualTo(0.5);
        assertThat(quarter.getServiceLevel2()).as("(a + c) / (2 answered + 2 missed)").isEqualTo(0.5);
        assertThat(quarter.getWaitBuckets()).extracting(WaitBucket::getAnswered).containsExactly(1L, 0L, 0L, 1L, 0L, 0L);
        assertThat(quarter.getPeakConcurrent()).as("a, b and c at 09:02:01").isEqualTo(3);

        CallStats sales = stats("berlin/queue/sales/15m/" + QUARTER_9);
        assertThat(sales.getDimension()).isEqualTo(StatsDimension.QUEUE);
        assertThat(sales.getDimensionValue()).isEqualTo("sales");
        assertThat(List.of(sales.getOffered(), sales.getAnswered(), sales.getMissed())).containsExactly(2L, 2L, 0L);
        CallStats alice = stats("berlin/agent/alice/15m/" + QUARTER_9);
        assertThat(List.of(alice.getAnswered(), (long) alice.getTalkSeconds())).containsExactly(1L, 60L);

        CallStats hour = stats("berlin/site/1h/" + QUARTER_9);
        assertThat(hour.getOffered()).isEqualTo(7);
        assertThat(hour.getPeakConcurrent()).isEqualTo(3);
        assertThat(stats("berlin/site/15m/2026-12-01T09:15:00Z").getPeakConcurrent())
                .as("g, still in progress").isEqualTo(1);
        assertThat(stats("berlin/site/15m/2026-12-01T09:15:00Z").getOffered()).isZero();
        assertThat(stats("berlin/site/1d/2026-12-01T00:00:00Z").getOffered()).isEqualTo(7);
    }

    @Test
    void shouldCountACallThatChangedThreeTimesOnceInItsLatestVersion() {
        Call call = Call.in("x").at("09:01:00").queue("sales").answeredBy("alice").waits(8).talks(100);

        send(call.ringing());
        assertThat(stats("berlin/site/15m/" + QUARTER_9).getOffered()).as("ringing: not ended").isZero();
        assertThat(stats("berlin/site/15m/" + QUARTER_9).getPeakConcurrent()).isEqualTo(1);
        send(call.talking());
        send(call);
        send(call.markedDone());

        CallStats quarter = stats("berlin/site/15m/" + QUARTER_9);
        assertThat(List.of(quarter.getOffered(), quarter.getAnswered())).containsExactly(1L, 1L);
        assertThat(quarter.getTalkSeconds()).isEqualTo(100.0);
        assertThat(quarter.getPeakConcurrent()).isEqualTo(1);
        assertThat(stats("berlin/agent/alice/1d/2026-12-01T00:00:00Z").getAnswered()).isEqualTo(1);
    }

    @Test
    void shouldCountADeltaThatTheVersionBeforeTheUpgradeWroteWithOneChangePerRecord() throws Exception {
        Call first = Call.in("a").at("09:01:00").queue("sales").answeredBy("alice").waits(4).talks(60);
        send(first);
        StatsCounts siteCounts = driver.<String, StatsContribution>getKeyValueStore(StoreNames.STATS_CONTRIBUTIONS)
                .get(first.key()).getParts().stream().filter(part -> part.getDimension().equals("site"))
                .findFirst().orElseThrow().getCounts();
        StatsDelta sameCallAgain = new StatsDelta("site", Instant.parse(QUARTER_9), null, siteCounts, List.of());
        Schema version1 = SchemaHistory.publishedVersions(StatsDelta.getClassSchema()).get(0);
        assertThat(version1.getField("more")).as("version 1 has no further changes").isNull();

        driver.createInputTopic("statistics-test-stats-deltas-repartition", new StringSerializer(), new ByteArraySerializer())
                .pipeInput("berlin", new BinaryMessageEncoder<StatsDelta>(SpecificData.get(), version1)
                        .encode(sameCallAgain).array());

        assertThat(stats("berlin/site/15m/" + QUARTER_9).getOffered()).as("the call, and the old delta adding it again")
                .isEqualTo(2);
        assertThat(stats("berlin/agent/alice/15m/" + QUARTER_9).getAnswered()).as("the old delta changed the site only")
                .isEqualTo(1);
    }

    @Test
    void shouldMoveACallToTheQuarterItTurnsOutToHaveStartedIn() {
        send(Call.in("y").at("09:20:00").waits(5).talks(10));
        assertThat(stats("berlin/site/15m/2026-12-01T09:15:00Z").getOffered()).isEqualTo(1);

        send(Call.in("y").at("09:14:00").waits(365).talks(10));

        assertThat(stats("berlin/site/15m/2026-12-01T09:15:00Z").getOffered()).isZero();
        assertThat(stats("berlin/site/15m/" + QUARTER_9).getOffered()).isEqualTo(1);
        assertThat(stats("berlin/site/1h/" + QUARTER_9).getOffered()).isEqualTo(1);
        assertThat(stats("berlin/site/1h/" + QUARTER_9).getMaxWaitSeconds()).isEqualTo(365.0);
    }

    @Test
    void shouldLandALateRecordInItsWindowAndIgnoreOnePastTheRetention() {
        send(Call.in("late").at("03:05:00").waits(2).talks(20));
        assertThat(stats("berlin/site/15m/2026-12-01T03:00:00Z").getAnswered()).as("15 h after it started").isEqualTo(1);

        send(Call.in("ancient").on("2026-10-20").at("10:00:00").waits(2).talks(20));
        drain();
        assertThat(latest).doesNotContainKey("berlin/site/15m/2026-10-20T10:00:00Z");
    }

    @Test
    void shouldCountCallsInProgressToTheSecond() {
        send(Call.in("a").at("09:01:00.200").waits(0).talks(10));
        send(Call.in("b").at("09:01:10.500").waits(0).talks(10));
        send(Call.in("c").at("09:03:00").waits(0).talks(10));
        send(Call.in("d").at("09:03:10").waits(0).talks(10));

        assertThat(stats("berlin/site/15m/" + QUARTER_9).getPeakConcurrent())
                .as("a ends in the second b starts in; c ends exactly when d starts").isEqualTo(2);
    }

    @Test
    void shouldKeepAQuartersChangesBoundedHoweverManyCallsItHas() {
        for (int i = 0; i < 500; i++) {
            long offset = i * 1_800L;
            send(Call.in("busy-" + i).at(String.format("09:%02d:%02d.%03d", offset / 60_000, offset / 1_000 % 60, offset % 1_000))
                    .waits(i % 7).talks(30 + i % 50));
        }

        String quarterKey = StatsKeys.quarter("berlin", StatsDimensions.SITE, Instant.parse(QUARTER_9).toEpochMilli());
        StatsCounts quarter = (StatsCounts) driver.getKeyValueStore(StoreNames.STATS_QUARTERS).get(quarterKey);
        assertThat(quarter.getOffered()).isEqualTo(500);
        assertThat(quarter.getConcurrency()).as("kept entry by entry, not in the quarter").isEmpty();
        assertThat(entries(StoreNames.STATS_QUARTER_DETAILS, quarterKey + "/c/")).as("one entry a second at most")
                .isBetween(100L, 900L);
        assertThat(entries(StoreNames.STATS_QUARTER_DETAILS, quarterKey + "/w/")).as("one entry a whole second of wait")
                .isEqualTo(7);
        assertThat(stats("berlin/site/15m/" + QUARTER_9).getMaxWaitSeconds()).isEqualTo(6.0);
    }

    @Test
    void shouldForgetQuartersAndContributionsOnceTheirWindowsArePastTheRetention() {
        send(Call.in("old").at("09:01:00").queue("sales").answeredBy("alice").waits(4).talks(60));
        assertThat(entries(StoreNames.STATS_QUARTERS)).as("site, queue, agent").isEqualTo(3);
        assertThat(entries(StoreNames.STATS_CONTRIBUTIONS)).isEqualTo(1);
        assertThat(entries(StoreNames.STATS_QUARTER_DETAILS)).as("changes and waits of three dimensions").isEqualTo(9);

        driver.advanceWallClockTime(RETENTION.plus(StatisticsTopology.PURGE_INTERVAL));

        assertThat(entries(StoreNames.STATS_QUARTERS)).isZero();
        assertThat(entries(StoreNames.STATS_QUARTER_DETAILS)).isZero();
        assertThat(entries(StoreNames.STATS_CONTRIBUTIONS)).isZero();
    }

    @Test
    void shouldCountLocalDaysAndHoursAcrossDaylightSavingChanges() {
        sites.pipeInput("wien", site("wien", "Europe/Berlin", 20));

        // 31 October 2027: clocks go back from 03:00 CEST to 02:00 CET; the day has 25 hours.
        send(Call.in("early").site("wien").on("2027-10-30").at("22:30:00").waits(1).talks(5));
        send(Call.in("first-two-thirty").site("wien").on("2027-10-31").at("00:30:00").waits(1).talks(5));
        send(Call.in("second-two-thirty").site("wien").on("2027-10-31").at("01:30:00").waits(1).talks(5));
        send(Call.in("late").site("wien").on("2027-10-31").at("22:30:00").waits(1).talks(5));

        CallStats day = stats("wien/site/1d/2027-10-30T22:00:00Z");
        assertThat(day.getWindowEnd()).isEqualTo(Instant.parse("2027-10-31T23:00:00Z"));
        assertThat(day.getOffered()).isEqualTo(4);
        assertThat(day.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(stats("wien/site/1h/2027-10-31T00:00:00Z").getOffered()).as("02:00-03:00 CEST").isEqualTo(1);
        assertThat(stats("wien/site/1h/2027-10-31T01:00:00Z").getOffered()).as("02:00-03:00 CET").isEqualTo(1);
        assertThat(latest).as("no UTC day").doesNotContainKey("wien/site/1d/2027-10-31T00:00:00Z");

        // 28 March 2027: clocks go forward from 02:00 CET to 03:00 CEST; the day has 23 hours.
        send(Call.in("spring").site("wien").on("2027-03-28").at("12:00:00").waits(1).talks(5));
        CallStats spring = stats("wien/site/1d/2027-03-27T23:00:00Z");
        assertThat(spring.getWindowEnd()).isEqualTo(Instant.parse("2027-03-28T22:00:00Z"));
        assertThat(spring.getOffered()).isEqualTo(1);
    }

    @Test
    void shouldUseTheSitesServiceLevelThresholdAndShortAbandonLimit() {
        SiteConfig fast = site("fast", "UTC", 10);
        fast.setAbandonedShortSeconds(8);
        sites.pipeInput("fast", fast);

        send(Call.in("p").site("fast").at("09:01:00").waits(8).talks(10));
        send(Call.in("q").site("fast").at("09:02:00").waits(15).talks(10));
        send(Call.in("r").site("fast").at("09:03:00").waits(7).ends(CallOutcome.MISSED));

        CallStats quarter = stats("fast/site/15m/" + QUARTER_9);
        assertThat(quarter.getServiceLevelThresholdSeconds()).isEqualTo(10);
        assertThat(quarter.getServiceLevel()).isEqualTo(0.5);
        assertThat(quarter.getAbandonedShort()).as("7 s < 8 s").isEqualTo(1);
    }

    @Test
    void shouldFindThePeakWhateverOrderTheRecordsArriveIn() {
        List<Call> calls = List.of(
                Call.in("r1").at("09:00:00").waits(30).talks(570),
                Call.in("r2").at("09:05:00").waits(10).talks(290),
                Call.in("r3").at("09:09:00").waits(5).talks(30),
                Call.in("r4").at("09:10:00").waits(60).talks(600));
        // r1 09:00-09:10, r2 09:05-09:10, r3 09:09-09:09:35, r4 09:10-09:21: three at once from 09:09 to 09:09:35.
        List<List<Call>> orders = permutations(calls);
        for (int order = 0; order < orders.size(); order++) {
            String site = "order-" + order;
            for (Call call : orders.get(order)) {
                send(call.site(site).ringing());
            }
            for (Call call : orders.get((order + 7) % orders.size())) {
                send(call.site(site));
            }
            assertThat(stats(site + "/site/15m/" + QUARTER_9).getPeakConcurrent()).as("order %d", order).isEqualTo(3);
            assertThat(stats(site + "/site/15m/2026-12-01T09:15:00Z").getPeakConcurrent()).isEqualTo(1);
        }
    }

    private void send(Call call) {
        records.pipeInput(call.key(), call.record());
    }

    private CallStats stats(String key) {
        drain();
        assertThat(latest).as("statistics published").containsKey(key);
        return latest.get(key);
    }

    private long entries(String store) {
        return entries(store, "");
    }

    private long entries(String store, String prefix) {
        long count = 0;
        try (var all = driver.<String, Object>getKeyValueStore(store).all()) {
            while (all.hasNext()) {
                if (all.next().key.startsWith(prefix)) {
                    count++;
                }
            }
        }
        return count;
    }

    private void drain() {
        driver.advanceWallClockTime(StatisticsTopology.PUBLISH_INTERVAL);
        for (KeyValue<String, CallStats> published : stats.readKeyValuesToList()) {
            latest.put(published.key, published.value);
        }
    }

    private static SiteConfig site(String id, String zone, int threshold) {
        return SiteConfig.newBuilder().setSiteId(id).setDisplayName(id).setEnabled(true).setTokenSha256("0".repeat(64))
                .setUpdatedAt(NOW).setChangeId("test").setTimeZone(zone).setServiceLevelThresholdSeconds(threshold).build();
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (T first : items) {
            List<T> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>(List.of(first));
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    /** A call record as the call-record topology would publish it, described by what matters to statistics. */
    private record Call(String site, String callId, Direction direction, String day, String time, String queue,
            String agent, long waitSeconds, Long talkSeconds, CallOutcome outcome, CallProgress state, boolean done) {

        static Call in(String callId) {
            return new Call("berlin", callId, Direction.IN, "2026-12-01", null, null, null, 0, null, null, null, false);
        }

        static Call out(String callId) {
            return in(callId).direction(Direction.OUT);
        }

        Call site(String value) {
            return new Call(value, callId, direction, day, time, queue, agent, waitSeconds, talkSeconds, outcome, state, done);
        }

        Call direction(Direction value) {
            return new Call(site, callId, value, day, time, queue, agent, waitSeconds, talkSeconds, outcome, state, done);
        }

        Call on(String value) {
            return new Call(site, callId, direction, value, time, queue, agent, waitSeconds, talkSeconds, outcome, state, done);
        }

        Call at(String value) {
            return new Call(site, callId, direction, day, value, queue, agent, waitSeconds, talkSeconds, outcome, state, done);
        }

        Call queue(String value) {
            return new Call(site, callId, direction, day, time, value, agent, waitSeconds, talkSeconds, outcome, state, done);
        }

        Call answeredBy(String value) {
            return new Call(site, callId, direction, day, time, queue, value, waitSeconds, talkSeconds, outcome, state, done);
        }

        Call waits(long seconds) {
            return new Call(site, callId, direction, day, time, queue, agent, seconds, talkSeconds, outcome, state, done);
        }

        /** Answered, then ended after this many seconds of talking. */
        Call talks(long seconds) {
            return new Call(site, callId, direction, day, time, queue, agent, waitSeconds, seconds, CallOutcome.ANSWERED,
                    CallProgress.HANGUP, done);
        }

        Call ends(CallOutcome value) {
            return new Call(site, callId, direction, day, time, queue, agent, waitSeconds, null, value, CallProgress.HANGUP,
                    done);
        }

        Call ringing() {
            return new Call(site, callId, direction, day, time, queue, null, waitSeconds, null, null, CallProgress.NEW_CALL,
                    false);
        }

        Call talking() {
            return new Call(site, callId, direction, day, time, queue, agent, waitSeconds, null, null, CallProgress.ANSWER,
                    done);
        }

        Call markedDone() {
            return new Call(site, callId, direction, day, time, queue, agent, waitSeconds, talkSeconds, outcome, state, true);
        }

        String key() {
            return site + "/" + callId + "/1";
        }

        CallRecord record() {
            Instant start = Instant.parse(day + "T" + time + "Z");
            Instant answered = talkSeconds != null || state == CallProgress.ANSWER ? start.plusSeconds(waitSeconds) : null;
            Instant end = state != CallProgress.HANGUP ? null
                    : talkSeconds != null ? answered.plusSeconds(talkSeconds) : start.plusSeconds(waitSeconds);
            Instant lastEvent = end != null ? end : answered != null ? answered : start;
            return CallRecord.newBuilder()
                    .setSite(site).setCallId(callId).setCall(1).setDirection(direction)
                    .setFrom("4930111").setOriginalFrom("4930111").setTo("4930222").setQueue(queue)
                    .setUsers(agent == null ? List.of() : List.of(agent)).setAnsweredBy(answered == null ? null : agent)
                    .setState(state == null ? CallProgress.HANGUP : state).setOutcome(outcome)
                    .setDone(done).setInitializedAt(start).setStartAt(answered).setEndAt(end)
                    .setWaitingTimeMs(state == CallProgress.NEW_CALL ? null : waitSeconds * 1000)
                    .setTalkingTimeMs(end != null && answered != null ? talkSeconds * 1000 : null)
                    .setEventsApplied(1).setNewCallSeen(true).setLastEventAt(lastEvent)
                    .build();
        }
    }
}
