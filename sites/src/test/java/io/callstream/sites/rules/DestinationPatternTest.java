package io.callstream.sites.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationPatternTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource({
            "41*,        4147110000000, true",
            "41*,        41,            false",
            "41*,        4,             false",
            "*0000,      4147110000000, true",
            "*0000,      0000,          false",
            "41*0000,    4147110000000, true",
            "41*0000,    4100000,       true",
            "41*0000,    410000,        false",
            "41*0000,    41000,         false",
            "4*7*0,      4147110000000, true",
            "4**0,       400,           false",
            "4**0,       4000,          true",
            "4147110000000, 4147110000000, true",
            "4147110000000, 41471100000000, false",
            "*,          1,             true",
            "*,          '',            false",
            "1.2,        1x2,           false",
            "1.2,        1.2,           true",
    })
    void shouldMatchTheWholeNumberWithWildcardsForOneOrMoreCharacters(String pattern, String number, boolean matches) {
        assertThat(DestinationPattern.compile(pattern).matches(number)).isEqualTo(matches);
    }

    /** Every pattern over {1, 2, *} up to 5 characters against every number over {1, 2} up to 7: about 93,000 pairs. */
    @Test
    void shouldAgreeWithTheEquivalentRegularExpressionOnEverySmallInput() {
        List<String> patterns = SmallStrings.all("12*", 5);
        List<String> numbers = SmallStrings.all("12", 7);
        for (String pattern : patterns) {
            DestinationPattern compiled = DestinationPattern.compile(pattern);
            Pattern regex = asRegex(pattern);
            for (String number : numbers) {
                assertThat(compiled.matches(number))
                        .as("'%s' against '%s'", pattern, number)
                        .isEqualTo(regex.matcher(number).matches());
            }
        }
    }

    /** The contract's meaning of a pattern, spelled as a regular expression: '*' is '.+', all else literal. */
    private static Pattern asRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".+" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
