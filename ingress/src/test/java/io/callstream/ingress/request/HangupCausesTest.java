package io.callstream.ingress.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.callstream.schema.HangupCause;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HangupCausesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "normalClearing, NORMAL_CLEARING", "busy, BUSY", "cancel, CANCEL", "noAnswer, NO_ANSWER",
            "congestion, CONGESTION", "notFound, NOT_FOUND", "forwarded, FORWARDED",
            "NORMAL_CLEARING, NORMAL_CLEARING", "ORIGINATOR_CANCEL, CANCEL", "LOSE_RACE, ANSWERED_ELSEWHERE",
            "NO_ANSWER, NO_ANSWER", "USER_BUSY, BUSY",
            "NOANSWER, NO_ANSWER", "BUSY, BUSY", "CANCEL, CANCEL", "CHANUNAVAIL, UNAVAILABLE",
            "CONGESTION, CONGESTION",
    })
    void shouldMapZammadFreeSwitchAndAsteriskCauses(String raw, HangupCause normalized) {
        assertThat(HangupCauses.normalize(raw)).isEqualTo(normalized);
    }

    @Test
    void shouldCallUnknownCausesOther() {
        assertThat(HangupCauses.normalize("MEDIA_TIMEOUT")).isEqualTo(HangupCause.OTHER);
    }

    @Test
    void shouldHaveNoCauseWhenNoneWasSent() {
        assertThat(HangupCauses.normalize(null)).isNull();
        assertThat(HangupCauses.normalize("")).isNull();
    }
}
