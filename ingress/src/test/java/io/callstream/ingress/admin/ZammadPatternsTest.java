package io.callstream.ingress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZammadPatternsTest {

    @ParameterizedTest
    @ValueSource(strings = {"41*", "491714000000", "+41 (44) 123*", "0049 30/555-1*", "*"})
    void shouldTakeNumbersWithStarsAsCallstreamPatterns(String dest) {
        assertThat(ZammadPatterns.isRegularExpression(dest)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"49(30|40)*", "4930[0-9]+", "4930\\d*", "^4930", "4930.*", "4930.+", "49301?", "4930{2}",
            "4930$", "4930+"})
    void shouldRecogniseWhatOnlyZammadsRegularExpressionsMean(String dest) {
        assertThat(ZammadPatterns.isRegularExpression(dest)).isTrue();
    }
}
