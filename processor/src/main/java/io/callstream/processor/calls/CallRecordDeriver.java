package io.callstream.processor.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.callstream.schema.CallEventType;
import io.callstream.schema.CallOutcome;
import io.callstream.schema.CallProgress;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Contact;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Direction;
import io.callstream.schema.EdgeDecision;
import io.callstream.schema.HangupCause;
import io.callstream.schema.internal.DoneMark;

/**
 * The record of one call, derived from its events with the rules of docs/pbx-contract.md (Calls) and
 * the outcome list documented in the CallRecord schema. A pure function of its inputs.
 */
public final class CallRecordDeriver {

    private static final String VOICEMAIL_USER = "voicemail";

    private CallRecordDeriver() {
    }

    /**
     * @param marks    the users' done marks for this call id (only those of this call count)
     * @param contacts looks a normalised number up in the contacts
     */
    public static CallRecord derive(String site, String callId, SplitCall call, List<DoneMark> marks,
            Function<String, Optional<Contact>> contacts) {
        Optional<CtiEvent> newCall = call.first(CallEventType.NEW_CALL);
        Optional<Instant> end = call.end();
        // Zammad's fields follow the PBX's events: a call the edge rejected is over for callstream at
        // once, but in Zammad's caller log it rings on until the PBX's own hangup.
        Optional<Instant> zammadEnd = newCall.filter(SplitCall::rejected).isPresent()
                ? call.firstHangup().map(CtiEvent::getReceivedAt) : end;
        Optional<CtiEvent> answer = countingAnswer(call, zammadEnd);
        Direction direction = fromNewCallOrFirst(call, newCall, CtiEvent::getDirection);
        String originalFrom = fromNewCallOrFirst(call, newCall, CtiEvent::getFrom);
        String to = fromNewCallOrFirst(call, newCall, CtiEvent::getTo);
        String from = newCall.filter(event -> event.getDecision() == EdgeDecision.DIAL)
                .map(CtiEvent::getDialCallerId).orElse(originalFrom);
        Instant initializedAt = newCall.map(CtiEvent::getReceivedAt).orElse(call.events().get(0).getReceivedAt());
        Optional<CtiEvent> endingHangup = endingHangup(call, end);
        Optional<CallOutcome> outcome = end.map(ended -> outcome(call, direction, answer, endingHangup, newCall));
        String remoteNumber = direction == Direction.OUT
                ? fromNewCallOrFirst(call, newCall, CtiEvent::getToNormalized)
                : fromNewCallOrFirst(call, newCall, CtiEvent::getFromNormalized);
        Contact remoteContact = Optional.ofNullable(remoteNumber).flatMap(contacts).orElse(null);
        CallerLogLabels labels = CallerLogLabels.of(call, newCall, direction, zammadEnd,
                remoteContact == null ? null : remoteContact.getName());
        Optional<DoneMark> mark = latestMark(call.number(), marks);

        return CallRecord.newBuilder()
                .setSite(site)
                .setCallId(callId)
                .setCall(call.number())
                .setDirection(direction)
                .setFrom(from)
                .setOriginalFrom(originalFrom)
                .setTo(to)
                .setQueue(queue(call, newCall, direction, from, to))
                .setUsers(newCall.map(CtiEvent::getUsers).orElse(List.of()))
                .setAnsweredBy(answer.flatMap(event -> event.getUsers().stream().findFirst()).orElse(null))
                .setAnsweringNumber(answer.map(CtiEvent::getAnsweringNumber).orElse(null))
                .setState(zammadEnd.isPresent() ? CallProgress.HANGUP
                        : answer.isPresent() ? CallProgress.ANSWER : CallProgress.NEW_CALL)
                .setOutcome(outcome.orElse(null))
                .setCause(endingHangup.map(CtiEvent::getCause).orElse(null))
                .setNormalizedCause(endingHangup.map(CtiEvent::getNormalizedCause).orElse(null))
                .setDone(mark.map(DoneMark::getDone).orElseGet(() ->
                        computedDone(direction, answer, zammadEnd, call.firstHangup(), labels.toComment())))
                .setDoneMarkedAt(mark.map(DoneMark::getMarkedAt).orElse(null))
                .setInitializedAt(initializedAt)
                .setStartAt(answer.map(CtiEvent::getReceivedAt).orElse(null))
                .setEndAt(zammadEnd.orElse(null))
                .setWaitingTimeMs(waitingTime(initializedAt, answer, zammadEnd))
                .setTalkingTimeMs(answer.flatMap(answered -> zammadEnd.map(ended -> millis(answered.getReceivedAt(), ended)))
                        .orElse(null))
                .setEventsApplied(call.events().size())
                .setNewCallSeen(newCall.isPresent())
                .setRemoteNumber(remoteNumber)
                .setRemoteContact(remoteContact)
                .setLastEventAt(call.lastEventAt())
                .setComment(labels.comment())
                .setFromComment(labels.fromComment())
                .setToComment(labels.toComment())
                .build();
    }

    /** The earliest answer that is not after the end: an answer after the hangup is ignored. */
    private static Optional<CtiEvent> countingAnswer(SplitCall call, Optional<Instant> end) {
        return call.events().stream()
                .filter(event -> event.getEvent() == CallEventType.ANSWER)
                .filter(event -> SplitCall.notAfter(event, end))
                .findFirst();
    }

    /** The hangup that ended the call, if a hangup did: later hangups change nothing. */
    private static Optional<CtiEvent> endingHangup(SplitCall call, Optional<Instant> end) {
        return call.firstHangup().filter(hangup -> end.isPresent() && hangup.getReceivedAt().equals(end.get()));
    }

    /** The first rule that applies wins; see CallOutcome in the CallRecord schema. */
    private static CallOutcome outcome(SplitCall call, Direction direction, Optional<CtiEvent> answer,
            Optional<CtiEvent> endingHangup, Optional<CtiEvent> newCall) {
        if (newCall.filter(SplitCall::rejected).isPresent()) {
            return CallOutcome.REJECTED;
        }
        if (endingHangup.isEmpty()) {
            return CallOutcome.TIMED_OUT;
        }
        if (answer.isPresent()) {
            return answeredByVoicemail(answer.get()) ? CallOutcome.VOICEMAIL : CallOutcome.ANSWERED;
        }
        HangupCause cause = endingHangup.get().getNormalizedCause();
        if (cause == HangupCause.FORWARDED) {
            return CallOutcome.FORWARDED;
        }
        if (cause == HangupCause.BUSY) {
            return CallOutcome.BUSY;
        }
        if (cause == HangupCause.CONGESTION || cause == HangupCause.NOT_FOUND || cause == HangupCause.UNAVAILABLE) {
            return CallOutcome.FAILED;
        }
        if (cause == HangupCause.ANSWERED_ELSEWHERE) {
            return CallOutcome.ANSWERED_ELSEWHERE;
        }
        return direction == Direction.OUT ? CallOutcome.NOT_ANSWERED : CallOutcome.MISSED;
    }

    private static boolean answeredByVoicemail(CtiEvent answer) {
        return answer.getUsers().stream().anyMatch(user -> user.toLowerCase(Locale.ROOT).equals(VOICEMAIL_USER));
    }

    /**
     * Zammad's done flag: outbound calls always; inbound ones once answered, and after the hangup
     * (or the timeout) unless never answered (but forwarded) or answered by voicemail. A second
     * hangup of a ring group changes nothing (in Zammad it would set done: a quirk not copied).
     */
    private static boolean computedDone(Direction direction, Optional<CtiEvent> answer, Optional<Instant> end,
            Optional<CtiEvent> firstHangup, String toComment) {
        if (direction == Direction.OUT) {
            return true;
        }
        if (end.isEmpty()) {
            return answer.isPresent();
        }
        boolean forwarded = firstHangup.map(CtiEvent::getNormalizedCause).filter(HangupCause.FORWARDED::equals).isPresent();
        return (answer.isPresent() || forwarded) && !VOICEMAIL_USER.equals(toComment);
    }

    /** As Zammad derives it: the queue parameter, else 'to' inbound and 'from' (rewritten) outbound. */
    private static String queue(SplitCall call, Optional<CtiEvent> newCall, Direction direction, String from, String to) {
        String queue = fromNewCallOrFirst(call, newCall, CtiEvent::getQueue);
        if (queue != null) {
            return queue;
        }
        return direction == Direction.OUT ? from : to;
    }

    private static Long waitingTime(Instant initializedAt, Optional<CtiEvent> answer, Optional<Instant> end) {
        if (answer.isPresent()) {
            return millis(initializedAt, answer.get().getReceivedAt());
        }
        return end.map(ended -> millis(initializedAt, ended)).orElse(null);
    }

    /** Never negative: an event stamped by another edge instance may be a few milliseconds early. */
    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }

    private static Optional<DoneMark> latestMark(int call, List<DoneMark> marks) {
        return marks.stream()
                .filter(mark -> mark.getCall() == call)
                .max(Comparator.comparing(DoneMark::getMarkedAt).thenComparing(DoneMark::getCommandId));
    }

    /** A value from the newCall if it has one, else from the first event that does. */
    private static <T> T fromNewCallOrFirst(SplitCall call, Optional<CtiEvent> newCall, Function<CtiEvent, T> value) {
        return newCall.map(value).or(() -> firstPresent(call, value)).orElse(null);
    }

    private static <T> Optional<T> firstPresent(SplitCall call, Function<CtiEvent, T> value) {
        return call.events().stream().map(value).filter(java.util.Objects::nonNull).findFirst();
    }
}
