package io.callstream.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.callstream.kafka.local.LocalKafkaBroker;
import io.callstream.kafka.local.SharedLocalKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two edge instances on one real broker: what an operator changes through either one reaches the
 * PBX answers of both, quickly, without losing changes, and survives restarts.
 */
class SiteRulesReplicationIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    private static final String REJECT = "200 {\"action\":\"reject\",\"reason\":\"busy\"}";
    private static final String NO_ACTION = "200 {}";
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private static EdgeInstance first;
    private static EdgeInstance second;

    private String site;
    private String token;

    @BeforeAll
    static void startTwoInstances() {
        first = EdgeInstance.start(broker().bootstrapServers());
        second = EdgeInstance.start(broker().bootstrapServers());
        await().atMost(Duration.ofSeconds(60)).until(() -> first.readiness() == 200 && second.readiness() == 200);
    }

    @AfterAll
    static void stopInstances() {
        first.close();
        second.close();
    }

    @BeforeEach
    void createSiteOnTheFirstInstance() {
        site = "site-" + UUID.randomUUID().toString().substring(0, 8);
        String created = first.admin("POST", "", "{\"id\":\"" + site + "\",\"display_name\":\"Test site\"}");
        assertThat(created).startsWith("201 ");
        token = token(created);
        await().atMost(PROPAGATION).until(() -> second.cti(token, newCallFrom("4930123")).equals(NO_ACTION));
    }

    @Test
    void shouldRejectACallerOnBothInstancesWithinOneSecondOfBlockingItOnOne() {
        String added = first.admin("POST", "/" + site + "/block-list", "{\"caller_id\":\"+49 171 5000000\",\"note\":\"spam\"}");
        long blockedAt = System.nanoTime();

        assertThat(added).startsWith("201 ");
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(20))
                .until(() -> second.cti(token, newCallFrom("00491715000000")).equals(REJECT));
        long seenAfterMs = (System.nanoTime() - blockedAt) / 1_000_000;
        assertThat(first.cti(token, newCallFrom("491715000000"))).isEqualTo(REJECT);
        System.out.printf("block entry reached the other instance %d ms after the admin API answered%n", seenAfterMs);
    }

    @Test
    void shouldAnswerEmptyAgainOnBothInstancesOnceTheEntryIsRemoved() {
        first.admin("POST", "/" + site + "/block-list", "{\"caller_id\":\"491715000000\"}");
        await().atMost(PROPAGATION).until(() -> second.cti(token, newCallFrom("491715000000")).equals(REJECT));

        assertThat(second.admin("DELETE", "/" + site + "/block-list/%2B49%20171%205000000", null)).startsWith("204");

        await().atMost(PROPAGATION).until(() -> first.cti(token, newCallFrom("491715000000")).equals(NO_ACTION));
        assertThat(second.cti(token, newCallFrom("491715000000"))).isEqualTo(NO_ACTION);
    }

    @Test
    void shouldAnswerDialOnBothInstancesForARoutingRowAddedOnOne() {
        second.admin("PUT", "/" + site + "/routing", "[{\"dest\":\"41*\",\"caller_id\":\"41715877777\",\"note\":\"CH\"}]");

        await().atMost(PROPAGATION).until(() -> first.cti(token, "event=newCall&direction=out&from=30&to=4147110000000&callId=c")
                .equals("200 {\"action\":\"dial\",\"caller_id\":\"41715877777\",\"number\":\"4147110000000\"}"));
    }

    @Test
    void shouldStopTheOldTokenAndAcceptTheNewOneOnBothInstancesAfterRotation() {
        String rotated = second.admin("POST", "/" + site + "/token", null);
        String newToken = token(rotated);

        assertThat(rotated).startsWith("200 ");
        await().atMost(PROPAGATION).until(() -> first.cti(token, newCallFrom("1")).startsWith("401 ")
                && second.cti(token, newCallFrom("1")).startsWith("401 "));
        assertThat(first.cti(newToken, newCallFrom("1"))).isEqualTo(NO_ACTION);
        assertThat(second.cti(newToken, newCallFrom("1"))).isEqualTo(NO_ACTION);
    }

    @Test
    void shouldKeepEveryEntryWhenBothInstancesChangeOneSiteAtTheSameTime() {
        int perInstance = 15;
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> viaFirst = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < perInstance; i++) {
                answers.add(first.admin("POST", "/" + site + "/block-list", "{\"caller_id\":\"4910" + i + "\"}"));
            }
        });
        CompletableFuture<Void> viaSecond = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < perInstance; i++) {
                answers.add(second.admin("POST", "/" + site + "/block-list", "{\"caller_id\":\"4920" + i + "\"}"));
            }
        });
        CompletableFuture.allOf(viaFirst, viaSecond).join();

        assertThat(answers).hasSize(2 * perInstance).allMatch(answer -> answer.startsWith("201 "));
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(first.admin("GET", "/" + site, null)).contains("\"block_list_size\":" + 2 * perInstance);
            assertThat(second.admin("GET", "/" + site, null)).contains("\"block_list_size\":" + 2 * perInstance);
        });
        assertThat(second.cti(token, newCallFrom("49100"))).isEqualTo(REJECT);
        assertThat(first.cti(token, newCallFrom("492014"))).isEqualTo(REJECT);
    }

    @Test
    void shouldComeBackAfterARestartWithTheSameRulesAndNotAnswerBeforeItHasThem() {
        first.admin("POST", "/" + site + "/block-list", "{\"caller_id\":\"491715000000\"}");
        await().atMost(PROPAGATION).until(() -> second.cti(token, newCallFrom("491715000000")).equals(REJECT));
        second.close();
        LocalKafkaBroker broker = broker();
        broker.stop();
        List<String> answersWhileStarting = new ArrayList<>();
        try {
            second = EdgeInstance.start(broker.bootstrapServers());

            assertThat(second.readiness()).isEqualTo(503);
            answersWhileStarting.add(second.cti(token, newCallFrom("491715000000")));
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> second.readiness() == 200);

        assertThat(answersWhileStarting).allMatch(answer -> answer.startsWith("503 "));
        assertThat(second.cti(token, newCallFrom("491715000000"))).isEqualTo(REJECT);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.readiness() == 200);
    }

    @Test
    void shouldRefuseAdminCallsWithoutTheRightToken() {
        String missing = first.adminAs(null, "GET", "", null);
        String wrong = first.adminAs("not-the-admin-token", "POST", "", "{\"id\":\"x\"}");

        assertThat(missing).startsWith("401 ").contains("\"status\":401");
        assertThat(wrong).startsWith("401 ").contains("not valid");
    }

    @Test
    void shouldListEveryViolationOfAnInvalidPayload() {
        String answer = first.admin("PUT", "/" + site + "/block-list",
                "[{\"caller_id\":\"12*34\"},{\"caller_id\":\"\"},{\"caller_id\":\"4930\"},{\"caller_id\":\"+49 30\"},"
                        + "{\"caller_id\":\"abc\",\"note\":\"" + "n".repeat(201) + "\"}]");

        assertThat(answer).startsWith("400 ")
                .contains("\"field\":\"block_list[0].caller_id\"")
                .contains("\"field\":\"block_list[1].caller_id\"")
                .contains("\"field\":\"block_list[3].caller_id\",\"message\":\"repeats block_list[2]\"")
                .contains("\"field\":\"block_list[4].caller_id\"")
                .contains("\"field\":\"block_list[4].note\"")
                .contains("5 values are invalid");
        assertThat(first.admin("GET", "/" + site + "/block-list", null)).isEqualTo("200 []");
    }

    @Test
    void shouldKeepTheStatisticsSettingsPerSiteForLaterReadersOfSites() {
        assertThat(first.admin("GET", "/" + site, null)).contains("\"time_zone\":\"UTC\"")
                .contains("\"service_level_threshold_seconds\":20").contains("\"abandoned_short_seconds\":5");

        String updated = first.admin("PUT", "/" + site, "{\"display_name\":\"Berlin\",\"enabled\":true,"
                + "\"time_zone\":\"Europe/Berlin\",\"service_level_threshold_seconds\":15,\"abandoned_short_seconds\":8}");

        assertThat(updated).startsWith("200 ").contains("\"time_zone\":\"Europe/Berlin\"")
                .contains("\"service_level_threshold_seconds\":15").contains("\"abandoned_short_seconds\":8");
        await().atMost(Duration.ofSeconds(1)).until(() -> second.admin("GET", "/" + site, null).contains("Europe/Berlin"));
        assertThat(first.admin("PUT", "/" + site, "{\"display_name\":\"Berlin\",\"enabled\":true,"
                + "\"time_zone\":\"CET+1\",\"service_level_threshold_seconds\":0,\"abandoned_short_seconds\":61}"))
                .startsWith("400 ").contains("\"field\":\"time_zone\"")
                .contains("\"field\":\"service_level_threshold_seconds\"").contains("\"field\":\"abandoned_short_seconds\"");
    }

    @Test
    void shouldAnswerUnknownSitesWith404AndDuplicatesWith409() {
        assertThat(first.admin("GET", "/no-such-site", null)).startsWith("404 ");
        assertThat(first.admin("POST", "", "{\"id\":\"" + site + "\"}")).startsWith("409 ");
        first.admin("POST", "/" + site + "/block-list", "{\"caller_id\":\"4930\"}");
        assertThat(first.admin("POST", "/" + site + "/block-list", "{\"caller_id\":\"+4930\"}")).startsWith("409 ");
        assertThat(first.admin("DELETE", "/" + site + "/block-list/999", null)).startsWith("404 ");
    }

    @Test
    void shouldDescribeTheAdminApiWithOpenApiOnTheManagementPortOnly() {
        assertThat(first.getManagement("/actuator/openapi")).startsWith("200 ")
                .contains("/api/v1/admin/sites/{siteId}/block-list");
        assertThat(first.get("/v3/api-docs")).startsWith("404 ");
        assertThat(first.get("/actuator/openapi")).startsWith("404 ");
    }

    private static String newCallFrom(String caller) {
        return "event=newCall&direction=in&from=" + caller.replace("+", "%2B").replace(" ", "%20")
                + "&to=4930555&callId=" + UUID.randomUUID();
    }

    private static String token(String answer) {
        Matcher matcher = TOKEN.matcher(answer);
        assertThat(matcher.find()).as("a token in %s", answer).isTrue();
        return matcher.group(1);
    }

    private static LocalKafkaBroker broker() {
        return SharedLocalKafka.broker();
    }
}
