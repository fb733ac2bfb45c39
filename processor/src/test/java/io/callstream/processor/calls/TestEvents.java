package io.callstream.processor.calls;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Direction;
import io.callstream.schema.EdgeDecision;
import io.callstream.schema.HangupCause;
import io.callstream.schema.PhoneNumbers;

/** Builds the events a test feeds in, with fixed times (seconds after {@link #T0}) and readable ids. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    public static final String SITE = "berlin";

    private final CtiEvent.Builder event;

    private TestEvents(CallEventType type, String callId) {
        this.event = CtiEvent.newBuilder()
                .setSite(SITE)
                .setCallId(callId)
                .setEvent(type)
                .setReceivedAt(T0);
    }

    public static TestEvents newCall(String callId) {
        return new TestEvents(CallEventType.NEW_CALL, callId);
    }

    public static TestEvents answer(String callId) {
        return new TestEvents(CallEventType.ANSWER, callId);
    }

    public static TestEvents hangup(String callId) {
        return new TestEvents(CallEventType.HANGUP, callId);
    }

    public TestEvents in() {
        event.setDirection(Direction.IN);
        return this;
    }

    public TestEvents out() {
        event.setDirection(Direction.OUT);
        return this;
    }

    public TestEvents from(String from) {
        event.setFrom(from).setFromNormalized(PhoneNumbers.normalize(from, null));
        return this;
    }

    public TestEvents to(String to) {
        event.setTo(to).setToNormalized(PhoneNumbers.normalize(to, null));
        return this;
    }

    /** {@code user[]=...} repeated, as the edge publishes it: the non-empty names, and Zammad's reading joined. */
    public TestEvents users(String... users) {
        event.setUsers(Arrays.stream(users).filter(user -> !user.isEmpty()).toList())
                .setUserText(String.join(", ", users));
        return this;
    }

    /** One {@code user=...}, as the edge publishes it: Zammad's reading is the value as sent, even empty. */
    public TestEvents user(String sent) {
        event.setUsers(sent.isEmpty() ? List.of() : List.of(sent)).setUserText(sent);
        return this;
    }

    public TestEvents queue(String queue) {
        event.setQueue(queue);
        return this;
    }

    public TestEvents cause(String cause, HangupCause normalized) {
        event.setCause(cause).setNormalizedCause(normalized);
        return this;
    }

    public TestEvents rejected() {
        event.setDecision(EdgeDecision.REJECT);
        return this;
    }

    public TestEvents dialedAs(String callerId) {
        event.setDecision(EdgeDecision.DIAL).setDialCallerId(callerId);
        return this;
    }

    public TestEvents answeringNumber(String number) {
        event.setAnsweringNumber(number);
        return this;
    }

    /** When the edge received it, in seconds after {@link #T0}; also names the event. */
    public CtiEvent at(long second) {
        Instant at = T0.plusSeconds(second);
        return event.setReceivedAt(at)
                .setEventId(event.getCallId() + "-" + event.getEvent() + "-" + second)
                .build();
    }

    /** A second event of the same kind and time, as a PBX retry would make it: another event id. */
    public CtiEvent atWithId(long second, String eventId) {
        return event.setReceivedAt(T0.plusSeconds(second)).setEventId(eventId).build();
    }
}
