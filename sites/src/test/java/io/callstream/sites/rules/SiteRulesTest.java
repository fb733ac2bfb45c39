package io.callstream.sites.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.callstream.schema.CallEventType;
import io.callstream.schema.Direction;
import org.junit.jupiter.api.Test;

class SiteRulesTest {

    private static final RuleSet RULES = new RuleSet("49",
            List.of("+49 171 5000000", "0900*", "anonymous"),
            List.of(
                    new RuleSet.RoutingRule("41*", "41715877777"),
                    new RuleSet.RoutingRule("4147*", "never-reached"),
                    new RuleSet.RoutingRule("*110", "4930110")),
            "4930777000");

    private final SiteRules rules = SiteRules.compile(RULES);

    @Test
    void shouldRejectABlockedInboundCaller() {
        assertThat(newCall(Direction.IN, "00491715000000", "4930555").decidedBy(rules)).isEqualTo(Decision.REJECT);
        assertThat(newCall(Direction.IN, "anonymous", "4930555").decidedBy(rules)).isEqualTo(Decision.REJECT);
    }

    @Test
    void shouldApplyTheSitesCountryCodeToNationalNumbers() {
        assertThat(newCall(Direction.IN, "0171 5000000", "4930555").decidedBy(rules)).isEqualTo(Decision.REJECT);
        assertThat(newCall(Direction.IN, "090012345", "4930555").decidedBy(rules)).isEqualTo(Decision.REJECT);
    }

    @Test
    void shouldLetOtherInboundCallersThrough() {
        assertThat(newCall(Direction.IN, "491715000001", "4930555").decidedBy(rules)).isEqualTo(Decision.NO_ACTION);
        assertThat(newCall(Direction.IN, null, "4930555").decidedBy(rules)).isEqualTo(Decision.NO_ACTION);
    }

    @Test
    void shouldDialWithTheFirstMatchingRowAndTheNumberExactlyAsReceived() {
        assertThat(newCall(Direction.OUT, "4930555", "+41 47 110000000").decidedBy(rules))
                .isEqualTo(new Decision.Dial("41715877777", "+41 47 110000000"));
    }

    @Test
    void shouldFallBackToTheDefaultCallerId() {
        assertThat(newCall(Direction.OUT, "4930555", "4989123456").decidedBy(rules))
                .isEqualTo(new Decision.Dial("4930777000", "4989123456"));
    }

    @Test
    void shouldNotRewriteWithoutMatchAndWithoutDefault() {
        SiteRules noDefault = SiteRules.compile(new RuleSet(null, List.of(), List.of(
                new RuleSet.RoutingRule("41*", "41715877777")), ""));

        assertThat(newCall(Direction.OUT, "4930555", "4989123456").decidedBy(noDefault)).isEqualTo(Decision.NO_ACTION);
    }

    @Test
    void shouldNotDialWithoutADestination() {
        assertThat(newCall(Direction.OUT, "4930555", "").decidedBy(rules)).isEqualTo(Decision.NO_ACTION);
        assertThat(newCall(Direction.OUT, "4930555", null).decidedBy(rules)).isEqualTo(Decision.NO_ACTION);
    }

    @Test
    void shouldNeverApplyRoutingToInboundCalls() {
        assertThat(newCall(Direction.IN, "4930555", "4147110000000").decidedBy(rules)).isEqualTo(Decision.NO_ACTION);
    }

    @Test
    void shouldNeverApplyTheBlockListToOutboundCalls() {
        SiteRules blockOnly = SiteRules.compile(new RuleSet(null, List.of("491715000000"), List.of(), null));

        assertThat(newCall(Direction.OUT, "491715000000", "4930555").decidedBy(blockOnly)).isEqualTo(Decision.NO_ACTION);
    }

    @Test
    void shouldDecideNothingForAnswerAndHangup() {
        for (CallEventType event : List.of(CallEventType.ANSWER, CallEventType.HANGUP)) {
            assertThat(request(event, Direction.IN, "491715000000", "4930555").decidedBy(rules)).isEqualTo(Decision.NO_ACTION);
            assertThat(request(event, Direction.OUT, "4930555", "4147110000000").decidedBy(rules)).isEqualTo(Decision.NO_ACTION);
        }
    }

    /** The inputs of a decision, as the edge passes them from a PBX request. */
    private record Call(CallEventType event, Direction direction, String from, String to) {

        Decision decidedBy(SiteRules rules) {
            return rules.decide(event, direction, from, to);
        }
    }

    private static Call newCall(Direction direction, String from, String to) {
        return request(CallEventType.NEW_CALL, direction, from, to);
    }

    private static Call request(CallEventType event, Direction direction, String from, String to) {
        return new Call(event, direction, from, to);
    }
}
