package io.callstream.ingress.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import io.callstream.web.api.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"+49 171 5000000", "00491715000000", "0900*", "anonymous", "Anonymous", "(030) 123-45/6.7"})
    void shouldAcceptBlockEntriesInEveryUsualSpelling(String callerId) {
        RuleValidation validation = new RuleValidation();

        validation.blockEntry("entry", callerId, "note");

        validation.throwIfInvalid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12*34", "*", "*123", "+", "abc", "49 30 ++1", "123456789012345678901234567890123"})
    void shouldRefuseBlockEntriesThatAreNoNumberOrPrefix(String callerId) {
        RuleValidation validation = new RuleValidation();

        validation.blockEntry("entry", callerId, null);

        assertThat(violations(validation)).extracting(Violation::field).containsExactly("entry.caller_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"41*", "*0000", "4*7*0", "*", "+41 44 *", "4147110000000"})
    void shouldAcceptDestinationsWithWildcardsAnywhere(String destination) {
        RuleValidation validation = new RuleValidation();

        validation.route("row", destination, "41715877777", null);

        validation.throwIfInvalid();
    }

    @Test
    void shouldRefuseADialCallerIdWithWildcardOrLetters() {
        RuleValidation validation = new RuleValidation();

        validation.route("row", "41*", "4171*", null);
        validation.route("row2", "41x", "", null);

        assertThat(violations(validation)).extracting(Violation::field)
                .containsExactly("row.caller_id", "row2.dest", "row2.caller_id");
    }

    @Test
    void shouldReportEntriesThatAreOneNumberInDifferentSpellings() {
        RuleValidation validation = new RuleValidation();

        validation.noDuplicates("block_list", "caller_id", List.of("4930", "+49 171 1", "030", "0049 171 1"), "49");

        assertThat(violations(validation)).containsExactly(
                new Violation("block_list[2].caller_id", "repeats block_list[0]"),
                new Violation("block_list[3].caller_id", "repeats block_list[1]"));
    }

    @Test
    void shouldAllowAnEmptyDefaultCallerIdButNoInvalidOne() {
        RuleValidation validation = new RuleValidation();

        validation.optionalCallerId("caller_id", "");
        validation.optionalCallerId("caller_id", null);
        validation.throwIfInvalid();
        validation.optionalCallerId("caller_id", "49-30-*");

        assertThat(violations(validation)).hasSize(1);
    }

    @Test
    void shouldCheckSiteSettings() {
        RuleValidation validation = new RuleValidation();

        validation.siteId("id", "ber/lin");
        validation.displayName("display_name", " ");
        validation.countryCode("country_code", "+49");
        validation.countryCode("country_code", "049");

        assertThat(violations(validation)).extracting(Violation::field)
                .containsExactly("id", "display_name", "country_code", "country_code");
    }

    @Test
    void shouldRefuseTablesOverTheLimit() {
        assertThatThrownBy(() -> {
            RuleValidation validation = new RuleValidation();
            validation.size("routing", 20_001, RuleValidation.MAX_ROUTING_SIZE);
            validation.throwIfInvalid();
        }).isInstanceOf(InvalidSiteChangeException.class);
    }

    private static List<Violation> violations(RuleValidation validation) {
        return catchThrowableOfType(InvalidSiteChangeException.class, validation::throwIfInvalid).violations();
    }

    @Test
    void shouldAcceptIanaTimeZonesAndThresholdsOfUpToAnHour() {
        RuleValidation validation = new RuleValidation();

        validation.timeZone("time_zone", "Europe/Berlin");
        validation.timeZone("time_zone", "UTC");
        validation.timeZone("time_zone", null);
        validation.serviceLevelThreshold("threshold", 1);
        validation.serviceLevelThreshold("threshold", 3_600);
        validation.serviceLevelThreshold("threshold", null);
        validation.abandonedShort("short", 1);
        validation.abandonedShort("short", 60);
        validation.abandonedShort("short", null);

        validation.throwIfInvalid();
    }

    @Test
    void shouldRefuseOffsetsAbbreviationsAndThresholdsOutOfRange() {
        RuleValidation validation = new RuleValidation();

        validation.timeZone("a", "+02:00");
        validation.timeZone("b", "CET1");
        validation.timeZone("c", "berlin");
        validation.serviceLevelThreshold("d", 0);
        validation.serviceLevelThreshold("e", 3_601);
        validation.abandonedShort("f", 0);
        validation.abandonedShort("g", 61);

        assertThat(violations(validation)).extracting(Violation::field)
                .containsExactly("a", "b", "c", "d", "e", "f", "g");
    }
}
