package io.callstream.processor.calls;

import static io.callstream.processor.calls.TestEvents.answer;
import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.callstream.processor.query.CallView;
import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Contact;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.HangupCause;
import io.callstream.schema.PhoneNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Zammad's own caller-log scenarios, field by field: the calls of {@code spec/requests/integration/cti_spec.rb}
 * ("does log call", "does queue param tests", "does basic call"'s blocked caller) and the rules of
 * {@code spec/models/cti/log_spec.rb} ({@code .process}: causes, forwarded, voicemail). After each
 * event, in the order Zammad's spec sends them, every Zammad field of the caller log is what Zammad
 * shows; then the record of all the events is the same for every order they can arrive in.
 */
class ZammadCallerLogTest {

    /** Zammad's spec has a customer with this mobile number. */
    private static final String CUSTOMER1 = "4912347114711";
    private static final Function<String, Optional<Contact>> CONTACTS = number -> number.equals(PhoneNumbers.normalize(CUSTOMER1, null))
            ? Optional.of(Contact.newBuilder().setName("CallerId Customer1").build()) : Optional.empty();

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario("outbound, hung up by the agent before an answer (outbound I)",
                        then(newCall("1234567890-1").out().from("4930600000000").to(CUSTOMER1).user("user 1")
                                        .dialedAs("4930777000000").at(0),
                                f -> f.from("4930777000000").to(CUSTOMER1).direction("out").fromComment("user 1")
                                        .toComment("CallerId Customer1").queue("4930777000000").state("newCall")
                                        .done(true).initializedAt(0)),
                        then(hangup("1234567890-1").out().cause("cancel", HangupCause.CANCEL).at(2),
                                f -> f.comment("cancel").state("hangup").endAt(2).waiting(2))),
                scenario("outbound, answered by the customer (outbound II)",
                        then(newCall("1234567890-2").out().from("4930600000000").to(CUSTOMER1).users("user 1")
                                        .dialedAs("4930777000000").at(0),
                                f -> f.from("4930777000000").to(CUSTOMER1).direction("out").fromComment("user 1")
                                        .toComment("CallerId Customer1").queue("4930777000000").state("newCall")
                                        .done(true).initializedAt(0)),
                        then(answer("1234567890-2").out().from("4930600000000").to(CUSTOMER1).at(2),
                                f -> f.state("answer").startAt(2).waiting(2)),
                        then(hangup("1234567890-2").out().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(4),
                                f -> f.comment("normalClearing").state("hangup").endAt(4).talking(2))),
                scenario("inbound, one agent, answered, then an answer after the hangup (inbound I)",
                        then(newCall("1234567890-3").in().from(CUSTOMER1).to("4930600000000").user("user 1").at(0),
                                f -> f.from(CUSTOMER1).to("4930600000000").direction("in").toComment("user 1")
                                        .fromComment("CallerId Customer1").queue("4930600000000").state("newCall")
                                        .done(false).initializedAt(0)),
                        then(answer("1234567890-3").in().at(1), f -> f.state("answer").done(true).startAt(1).waiting(1)),
                        then(hangup("1234567890-3").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(2),
                                f -> f.comment("normalClearing").state("hangup").endAt(2).talking(1)),
                        then(answer("1234567890-3").in().at(3), f -> f)),
                scenario("inbound, two agents, answered by voicemail (inbound II)",
                        then(newCall("1234567890-4").in().from(CUSTOMER1).to("4930600000000").users("user 1", "user 2").at(0),
                                f -> f.from(CUSTOMER1).to("4930600000000").direction("in").toComment("user 1, user 2")
                                        .fromComment("CallerId Customer1").queue("4930600000000").state("newCall")
                                        .done(false).initializedAt(0)),
                        then(answer("1234567890-4").in().user("voicemail").at(1),
                                f -> f.toComment("voicemail").state("answer").done(true).startAt(1).waiting(1)),
                        then(hangup("1234567890-4").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(2),
                                f -> f.comment("normalClearing").state("hangup").done(false).endAt(2).talking(1))),
                scenario("inbound, one user string with a comma, nobody answers (inbound III)",
                        then(newCall("1234567890-5").in().from(CUSTOMER1).to("4930600000000").user("user 1,user 2").at(0),
                                f -> f.from(CUSTOMER1).to("4930600000000").direction("in").toComment("user 1,user 2")
                                        .fromComment("CallerId Customer1").queue("4930600000000").state("newCall")
                                        .done(false).initializedAt(0)),
                        then(hangup("1234567890-5").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(1),
                                f -> f.comment("normalClearing").state("hangup").endAt(1).waiting(1))),
                scenario("inbound from anonymous with agents and a queue (inbound IV, queue & user)",
                        then(newCall("1234567890-7").in().from("anonymous").to("4930600000000").user("user 1,user 2")
                                        .queue("some_queue_name").at(0),
                                f -> f.from("anonymous").to("4930600000000").direction("in").toComment("user 1,user 2")
                                        .queue("some_queue_name").state("newCall").done(false).initializedAt(0))),
                scenario("inbound with a queue and an empty user (queue & no user)",
                        then(newCall("1234567890-2").in().from("anonymous").to("4930600000000").user("")
                                        .queue("some_queue_name").at(0),
                                f -> f.from("anonymous").to("4930600000000").direction("in").toComment("some_queue_name")
                                        .queue("some_queue_name").state("newCall").done(false).initializedAt(0))),
                scenario("a blocked caller, then the PBX's hangup with cause busy (basic call, inbound II)",
                        then(newCall("4991155921769858278-2").in().from("491715000000").to("4930600000000")
                                        .users("user+1", "user+2").rejected().at(0),
                                f -> f.from("491715000000").to("4930600000000").direction("in").toComment("user+1, user+2")
                                        .queue("4930600000000").state("newCall").done(false).initializedAt(0)),
                        then(hangup("4991155921769858278-2").in().cause("busy", HangupCause.BUSY).at(1),
                                f -> f.comment("busy").state("hangup").endAt(1).waiting(1))),
                scenario("a blocked caller answered anyway, then hung up",
                        then(newCall("b").in().from("491715000000").to("4930600000000").user("user 1").rejected().at(0),
                                f -> f.from("491715000000").to("4930600000000").direction("in").toComment("user 1")
                                        .queue("4930600000000").state("newCall").done(false).initializedAt(0)),
                        then(answer("b").in().user("Alice").at(1),
                                f -> f.toComment("Alice").state("answer").done(true).startAt(1).waiting(1)),
                        then(hangup("b").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(3),
                                f -> f.comment("normalClearing").state("hangup").endAt(3).talking(2))),
                scenario("causes on a newCall and an answer, an answer with an empty user (log_spec .process)",
                        then(newCall("c").in().from("49123456").to("49123457").user("user 1").cause("", null).at(0),
                                f -> f.from("49123456").to("49123457").direction("in").toComment("user 1").comment("")
                                        .queue("49123457").state("newCall").done(false).initializedAt(0)),
                        then(answer("c").in().user("").cause("picked up", HangupCause.OTHER).at(2),
                                f -> f.toComment("").comment("picked up").state("answer").done(true).startAt(2).waiting(2)),
                        then(hangup("c").in().at(5), f -> f.comment(null).state("hangup").endAt(5).talking(3))),
                scenario("forwarded before anyone answered (log_spec: when call is forwarded)",
                        then(newCall("f").in().from("49123456").to("49123457").user("user 1").at(0),
                                f -> f.from("49123456").to("49123457").direction("in").toComment("user 1")
                                        .queue("49123457").state("newCall").done(false).initializedAt(0)),
                        then(hangup("f").in().cause("forwarded", HangupCause.FORWARDED).at(5),
                                f -> f.comment("forwarded").state("hangup").done(true).endAt(5).waiting(5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldShowEveryZammadFieldAsZammadDoesAfterEachEvent(String scenario, List<Step> steps) {
        List<CtiEvent> arrived = new ArrayList<>();
        ZammadFields expected = ZammadFields.NOTHING;
        for (Step step : steps) {
            arrived.add(step.event());
            expected = step.change().apply(expected);
            assertThat(zammadFields(arrived)).as("%s, after %s", scenario, step.event().getEventId()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldShowTheSameFieldsWhateverOrderTheEventsArriveIn(String scenario, List<Step> steps) {
        List<CtiEvent> natural = steps.stream().map(Step::event).toList();
        ZammadFields expected = zammadFields(natural);
        for (List<CtiEvent> order : Permutations.of(natural)) {
            assertThat(zammadFields(order)).as("%s in order %s", scenario,
                    order.stream().map(CtiEvent::getEventId).toList()).isEqualTo(expected);
        }
    }

    @Test
    void shouldKeepTheBlockedCallRejectedAndOutOfTheCallsInProgress() {
        CallRecord ringing = record(List.of(newCall("b").in().from("491715000000").rejected().at(0)));
        CallRecord hungUp = record(List.of(newCall("b").in().from("491715000000").rejected().at(0),
                hangup("b").in().cause("busy", HangupCause.BUSY).at(1)));

        assertThat(ringing.getOutcome()).isEqualTo(CallOutcome.REJECTED);
        assertThat(ringing.getEndAt()).as("Zammad's end_at: the PBX has not hung up yet").isNull();
        assertThat(hungUp.getOutcome()).isEqualTo(CallOutcome.REJECTED);
        assertThat(hungUp.getCause()).as("callstream's cause: of the hangup that ended it, the rejection").isNull();
    }

    private static ZammadFields zammadFields(List<CtiEvent> events) {
        return ZammadFields.of(CallView.of(record(events)));
    }

    private static CallRecord record(List<CtiEvent> events) {
        Map<Integer, CallRecord> records = TestCalls.records(events, CONTACTS);
        assertThat(records).hasSize(1);
        return records.values().iterator().next();
    }

    private static Arguments scenario(String name, Step... steps) {
        return Arguments.of(name, List.of(steps));
    }

    private static Step then(CtiEvent event, UnaryOperator<ZammadFields> change) {
        return new Step(event, change);
    }

    record Step(CtiEvent event, UnaryOperator<ZammadFields> change) {
    }

    /** The fields of Zammad's caller log, times in seconds after {@link TestEvents#T0}. */
    record ZammadFields(String from, String to, String direction, String state, Boolean done, String queue,
            String comment, String fromComment, String toComment, Long initializedAt, Long startAt, Long endAt,
            Long waiting, Long talking) {

        static final ZammadFields NOTHING = new ZammadFields(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);

        static ZammadFields of(CallView view) {
            return new ZammadFields(view.from(), view.to(), view.direction(), view.state(), view.done(), view.queue(),
                    view.comment(), view.fromComment(), view.toComment(), seconds(view.initializedAt()),
                    seconds(view.startAt()), seconds(view.endAt()), view.durationWaitingTime(), view.durationTalkingTime());
        }

        private static Long seconds(Instant at) {
            return at == null ? null : Duration.between(TestEvents.T0, at).toSeconds();
        }

        ZammadFields from(String value) {
            return new ZammadFields(value, to, direction, state, done, queue, comment, fromComment, toComment,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields to(String value) {
            return new ZammadFields(from, value, direction, state, done, queue, comment, fromComment, toComment,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields direction(String value) {
            return new ZammadFields(from, to, value, state, done, queue, comment, fromComment, toComment,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields state(String value) {
            return new ZammadFields(from, to, direction, value, done, queue, comment, fromComment, toComment,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields done(boolean value) {
            return new ZammadFields(from, to, direction, state, value, queue, comment, fromComment, toComment,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields queue(String value) {
            return new ZammadFields(from, to, direction, state, done, value, comment, fromComment, toComment,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields comment(String value) {
            return new ZammadFields(from, to, direction, state, done, queue, value, fromComment, toComment,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields fromComment(String value) {
            return new ZammadFields(from, to, direction, state, done, queue, comment, value, toComment,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields toComment(String value) {
            return new ZammadFields(from, to, direction, state, done, queue, comment, fromComment, value,
                    initializedAt, startAt, endAt, waiting, talking);
        }

        ZammadFields initializedAt(long second) {
            return new ZammadFields(from, to, direction, state, done, queue, comment, fromComment, toComment,
                    second, startAt, endAt, waiting, talking);
        }

        ZammadFields startAt(long second) {
            return new ZammadFields(from, to, direction, state, done, queue, comment, fromComment, toComment,
                    initializedAt, second, endAt, waiting, talking);
        }

        ZammadFields endAt(long second) {
            return new ZammadFields(from, to, direction, state, done, queue, comment, fromComment, toComment,
                    initializedAt, startAt, second, waiting, talking);
        }

        ZammadFields waiting(long seconds) {
            return new ZammadFields(from, to, direction, state, done, queue, comment, fromComment, toComment,
                    initializedAt, startAt, endAt, seconds, talking);
        }

        ZammadFields talking(long seconds) {
            return new ZammadFields(from, to, direction, state, done, queue, comment, fromComment, toComment,
                    initializedAt, startAt, endAt, waiting, seconds);
        }
    }
}
