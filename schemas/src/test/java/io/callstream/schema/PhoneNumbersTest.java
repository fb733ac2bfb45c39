package io.callstream.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "+49 171 5000000      | 491715000000",
            "00491715000000       | 491715000000",
            "491715000000         | 491715000000",
            "' 491715000000'      | 491715000000",
            "+49 (30) 555-71.60/0 | 493055571600",
            "Anonymous            | anonymous",
            "<unknown>            | <unknown>",
            "030 5557160          | 0305557160",
    })
    void shouldBringEverySpellingOfANumberToOneForm(String raw, String normalized) {
        assertThat(PhoneNumbers.normalize(raw, null)).isEqualTo(normalized);
    }

    @Test
    void shouldRewriteANationalNumberOnlyWhenTheSiteHasACountryCode() {
        assertThat(PhoneNumbers.normalize("030 5557160", "49")).isEqualTo("49305557160");
        assertThat(PhoneNumbers.normalize("0049 30 5557160", "49")).isEqualTo("49305557160");
        assertThat(PhoneNumbers.normalize("+41 44 1234567", "49")).isEqualTo("41441234567");
    }

    @Test
    void shouldKeepBlankAndMissingNumbersApart() {
        assertThat(PhoneNumbers.normalize("", null)).isEmpty();
        assertThat(PhoneNumbers.normalize("  ", null)).isEmpty();
        assertThat(PhoneNumbers.normalize(null, null)).isNull();
    }
}
