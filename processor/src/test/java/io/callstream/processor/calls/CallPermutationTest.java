package io.callstream.processor.calls;

import static io.callstream.processor.calls.TestEvents.answer;
import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.callstream.schema.CallRecord;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.HangupCause;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records of a call id depend only on which events exist: for each scenario, every order of
 * its events, with each event in turn also delivered twice, gives exactly the records of the
 * natural order.
 */
class CallPermutationTest {

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("answered call with a second hangup from the ring group", List.of(
                        newCall("c").in().from("4930").to("4940").users("Alice", "Bob").at(0),
                        answer("c").in().users("Alice").at(4),
                        hangup("c").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(64),
                        hangup("c").in().cause("LOSE_RACE", HangupCause.ANSWERED_ELSEWHERE).at(65))),
                Arguments.of("missed call with an answer after the hangup", List.of(
                        newCall("c").in().from("4930").to("4940").at(0),
                        hangup("c").in().cause("cancel", HangupCause.CANCEL).at(30),
                        answer("c").in().users("Alice").at(31))),
                Arguments.of("call id reused for a second call", List.of(
                        newCall("4930").in().from("4930").at(0),
                        hangup("4930").in().cause("cancel", HangupCause.CANCEL).at(10),
                        newCall("4930").in().from("4930").at(600),
                        answer("4930").in().users("Bob").at(605),
                        hangup("4930").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(700))),
                Arguments.of("call the edge rejected, then the PBX's hangup", List.of(
                        newCall("c").in().from("491715000000").rejected().at(0),
                        hangup("c").in().cause("BUSY", HangupCause.BUSY).at(1))),
                Arguments.of("outbound call with caller-id rewrite and a retried newCall", List.of(
                        newCall("o").out().from("30").to("4147110000000").dialedAs("41715877777").at(0),
                        newCall("o").out().from("30").to("4147110000000").dialedAs("41715877777").atWithId(1, "retry"),
                        answer("o").out().at(8),
                        hangup("o").out().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(98))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldGiveTheSameRecordsForEveryOrderAndRepetitionOfTheEvents(String scenario, List<CtiEvent> natural) {
        Map<Integer, CallRecord> expected = records(natural);
        assertThat(expected).isNotEmpty();
        int orders = 0;
        for (CtiEvent repeated : natural) {
            List<CtiEvent> withRepeat = new ArrayList<>(natural);
            withRepeat.add(repeated);
            for (List<CtiEvent> order : Permutations.of(withRepeat)) {
                assertThat(records(order)).as("%s in order %s", scenario, ids(order)).isEqualTo(expected);
                orders++;
            }
        }
        assertThat(orders).isGreaterThanOrEqualTo(natural.size() * 2);
    }

    private static Map<Integer, CallRecord> records(List<CtiEvent> arrivals) {
        return TestCalls.records(arrivals, number -> Optional.empty());
    }

    private static List<String> ids(List<CtiEvent> order) {
        return order.stream().map(CtiEvent::getEventId).toList();
    }
}
