package io.callstream.sites.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RoutingTableTest {

    @Test
    void shouldLetTheFirstMatchingRowWinWhateverItsPatternLooksLike() {
        RoutingTable table = table(List.of("*0000", "41*", "4147110000000"), null);

        assertThat(table.callerIdFor("4147110000000")).contains("row 0");
        assertThat(table.callerIdFor("4147110000001")).contains("row 1");
    }

    @Test
    void shouldFallBackToTheDefaultCallerIdOrToNothing() {
        assertThat(table(List.of("41*"), "default").callerIdFor("49301234")).contains("default");
        assertThat(table(List.of("41*"), "").callerIdFor("49301234")).isEmpty();
        assertThat(table(List.of("41*"), null).callerIdFor("49301234")).isEmpty();
    }

    /**
     * The index must give exactly what a plain first-match scan gives: every table of two rows from
     * all patterns over {1, 2, *} of up to 4 characters, against every number over {1, 2} of up to
     * 6 characters (about 1.9 million lookups).
     */
    @Test
    void shouldAnswerLikeAFirstMatchScanForEverySmallTable() {
        List<String> patterns = SmallStrings.all("12*", 4).stream().filter(p -> !p.isEmpty()).toList();
        List<String> numbers = SmallStrings.all("12", 6);
        for (String first : patterns) {
            for (String second : patterns) {
                List<String> rows = List.of(first, second);
                RoutingTable table = table(rows, null);
                for (String number : numbers) {
                    assertThat(table.callerIdFor(number)).as("%s against %s", rows, number)
                            .isEqualTo(firstMatchScan(rows, number));
                }
            }
        }
    }

    private static Optional<String> firstMatchScan(List<String> rows, String number) {
        for (int row = 0; row < rows.size(); row++) {
            if (DestinationPattern.compile(rows.get(row)).matches(number)) {
                return Optional.of("row " + row);
            }
        }
        return Optional.empty();
    }

    private static RoutingTable table(List<String> patterns, String defaultCallerId) {
        List<RoutingTable.Route> routes = new ArrayList<>();
        for (int row = 0; row < patterns.size(); row++) {
            routes.add(new RoutingTable.Route(DestinationPattern.compile(patterns.get(row)), "row " + row));
        }
        return RoutingTable.of(routes, defaultCallerId);
    }
}
