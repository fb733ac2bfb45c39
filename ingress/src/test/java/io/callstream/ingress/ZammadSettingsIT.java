package io.callstream.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.callstream.kafka.local.SharedLocalKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zammad's CTI settings imported through the admin API answer the PBX exactly as the same rules
 * typed in through the admin API do: the set-up and the calls of Zammad's own request spec
 * ({@code spec/requests/integration/cti_spec.rb}, "does basic call").
 */
class ZammadSettingsIT {

    /** The {@code cti_config} of Zammad's spec. */
    private static final String ZAMMAD_SPEC_CONFIG = """
            {"outbound": {"routing_table": [{"dest": "41*", "caller_id": "41715880339000"},
                                            {"dest": "491714000000", "caller_id": "41715880339000"}],
                          "default_caller_id": "4930777000000"},
             "inbound": {"block_caller_ids": [{"caller_id": "491715000000", "note": "some note"}]}}""";
    /** The requests of the spec, with Zammad's answers (in the key order callstream writes). */
    private static final Map<String, String> ZAMMAD_SPEC_CALLS = Map.of(
            "event=newCall&direction=in&from=4912347114711&to=4930600000000&callId=4991155921769858278-1&user[]=user+1&user[]=user+2",
            "200 {}",
            "event=newCall&direction=in&from=491715000000&to=4930600000000&callId=4991155921769858278-2&user[]=user+1&user[]=user+2",
            "200 {\"action\":\"reject\",\"reason\":\"busy\"}",
            "event=newCall&direction=out&from=4930600000000&to=4912347114711&callId=8621106404543334274-3&user=user+1",
            "200 {\"action\":\"dial\",\"caller_id\":\"4930777000000\",\"number\":\"4912347114711\"}",
            "event=newCall&direction=out&from=4930600000000&to=491714000000&callId=8621106404543334274-4&user=user+1",
            "200 {\"action\":\"dial\",\"caller_id\":\"41715880339000\",\"number\":\"491714000000\"}",
            "event=newCall&direction=out&from=4930600000000&to=4147110000000&callId=8621106404543334274-5&user=user+1",
            "200 {\"action\":\"dial\",\"caller_id\":\"41715880339000\",\"number\":\"4147110000000\"}");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EdgeInstance edge;

    private final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void start() {
        edge = EdgeInstance.start(SharedLocalKafka.broker().bootstrapServers());
        await().atMost(Duration.ofSeconds(60)).until(() -> edge.readiness() == 200);
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    @Test
    void shouldAnswerThePbxAsTheSameRulesTypedInThroughTheAdminApiDo() {
        String imported = site();
        String typed = site();
        String answer = edge.admin("POST", "/" + imported + "/zammad-settings", ZAMMAD_SPEC_CONFIG);
        assertThat(answer).isEqualTo("200 {\"block_list\":1,\"routing\":2,\"default_caller_id\":\"4930777000000\","
                + "\"not_imported\":[]}");
        assertThat(edge.admin("POST", "/" + typed + "/block-list", "{\"caller_id\":\"491715000000\",\"note\":\"some note\"}"))
                .startsWith("201 ");
        assertThat(edge.admin("PUT", "/" + typed + "/routing", "[{\"dest\":\"41*\",\"caller_id\":\"41715880339000\"},"
                + "{\"dest\":\"491714000000\",\"caller_id\":\"41715880339000\"}]")).startsWith("200 ");
        assertThat(edge.admin("PUT", "/" + typed + "/default-caller-id", "{\"caller_id\":\"4930777000000\"}"))
                .startsWith("200 ");

        ZAMMAD_SPEC_CALLS.forEach((request, zammadsAnswer) -> {
            assertThat(edge.cti(token(imported), request)).as("imported: %s", request).isEqualTo(zammadsAnswer);
            assertThat(edge.cti(token(typed), request)).as("typed in: %s", request).isEqualTo(zammadsAnswer);
        });
    }

    @Test
    void shouldExportTheRulesInZammadsShape() {
        String site = site();
        edge.admin("POST", "/" + site + "/zammad-settings", ZAMMAD_SPEC_CONFIG);

        String exported = edge.admin("GET", "/" + site + "/zammad-settings", null);

        assertThat(exported).startsWith("200 ");
        assertThat(JSON.readTree(exported.substring(4))).isEqualTo(JSON.readTree("""
                {"inbound": {"block_caller_ids": [{"caller_id": "491715000000", "note": "some note"}]},
                 "outbound": {"routing_table": [{"dest": "41*", "caller_id": "41715880339000", "note": null},
                                                {"dest": "491714000000", "caller_id": "41715880339000", "note": null}],
                              "default_caller_id": "4930777000000"}}"""));
        assertThat(edge.admin("POST", "/" + site + "/zammad-settings", exported.substring(4)))
                .as("an export imports again unchanged").startsWith("200 {\"block_list\":1,\"routing\":2,");
    }

    @Test
    void shouldLeaveOutWhatItCannotApplyAsZammadDoesAndSayWhy() {
        String site = site();
        String answer = edge.admin("POST", "/" + site + "/zammad-settings", """
                {"inbound": {"block_caller_ids": [{"caller_id": "491715000000"}, {"caller_id": "+49 171 5000000"},
                                                  {"caller_id": "not a number"}]},
                 "outbound": {"routing_table": [{"dest": "49(30|40)*", "caller_id": "4930777000000"},
                                                {"dest": "4930[0-9]+", "caller_id": "4930777000000"},
                                                {"dest": "4940*", "caller_id": "4940777000000"}],
                              "default_caller_id": "not a number"},
                 "notify_map": [{"queue": "4930600000000", "user_ids": ["2"]}]}""");

        assertThat(answer).startsWith("200 ");
        JsonNode result = JSON.readTree(answer.substring(4));
        assertThat(result.get("block_list").asInt()).isEqualTo(1);
        assertThat(result.get("routing").asInt()).isEqualTo(1);
        assertThat(result.get("default_caller_id").isNull()).isTrue();
        List<String> fields = result.get("not_imported").valueStream().map(left -> left.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("notify_map", "outbound.default_caller_id",
                "inbound.block_caller_ids[1]", "inbound.block_caller_ids[2].caller_id",
                "outbound.routing_table[0].dest", "outbound.routing_table[1].dest");
        assertThat(answer).contains("repeats inbound.block_caller_ids[0]", "works only as a regular expression in Zammad");
        assertThat(edge.cti(token(site), "event=newCall&direction=out&from=1&to=4940123&callId=x"))
                .contains("\"caller_id\":\"4940777000000\"");
        assertThat(edge.admin("POST", "/no-such-site/zammad-settings", "{}")).startsWith("404 ");
        assertThat(edge.admin("POST", "/" + site + "/zammad-settings", "[1,2]")).startsWith("400 ");
    }

    private String site() {
        String site = "zammad-" + UUID.randomUUID().toString().substring(0, 8);
        String created = edge.admin("POST", "", "{\"id\":\"" + site + "\"}");
        Matcher token = TOKEN.matcher(created);
        assertThat(token.find()).as(created).isTrue();
        tokens.put(site, token.group(1));
        return site;
    }

    private String token(String site) {
        return tokens.get(site);
    }
}
