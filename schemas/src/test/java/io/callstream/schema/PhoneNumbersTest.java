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
            "+49 (0)30 5557 1600  | 493055571600",
            "0049 (0) 30 5557 1600| 493055571600",
            "+49(030)55571600     | 493055571600",
            "+41 (0)44 123 45 67  | 41441234567",
            "(0)30 5557 1600      | 03055571600",
    })
    void shouldBringEverySpellingOfANumberToOneForm(String raw, String normalized) {
        assertThat(PhoneNumbers.normalize(raw, null)).isEqualTo(normalized);
    }

    @Test
    void shouldRewriteANationalNumberOnlyWhenTheSiteHasACountryCode() {
        assertThat(PhoneNumbers.normalize("030 5557160", "49")).isEqualTo("49305557160");
        assertThat(PhoneNumbers.normalize("0049 30 5557160", "49")).isEqualTo("49305557160");
        assertThat(PhoneNumbers.normalize("+41 44 1234567", "49")).isEqualTo("41441234567");
        assertThat(PhoneNumbers.normalize("+49 (0)30 5557160", "49")).as("a trunk 0 after the prefix is no national number")
                .isEqualTo("49305557160");
    }

    @Test
    void shouldKeepBlankAndMissingNumbersApart() {
        assertThat(PhoneNumbers.normalize("", null)).isEmpty();
        assertThat(PhoneNumbers.normalize("  ", null)).isEmpty();
        assertThat(PhoneNumbers.normalize(null, null)).isNull();
    }
}
