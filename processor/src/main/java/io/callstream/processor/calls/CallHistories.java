package io.callstream.processor.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.internal.CallHistory;
import io.callstream.schema.internal.DoneMark;

/**
 * Changes to the state of one call id. Each change returns a new history, or empty when it would
 * change nothing (a repeated event, an event too late or over the limit), so the caller knows
 * whether anything needs to be derived and stored.
 */
public final class CallHistories {

    /** The order events are kept in: by edge receive time, ties broken by event id. */
    public static final Comparator<CtiEvent> ORDER =
            Comparator.comparing(CtiEvent::getReceivedAt).thenComparing(CtiEvent::getEventId);

    private CallHistories() {
    }

    public static CallHistory empty() {
        return history(0, null, List.of(), List.of(), List.of());
    }

    public static Optional<CallHistory> withEvent(CallHistory history, CtiEvent event, CallRules rules) {
        List<CtiEvent> events = history.getEvents();
        if (events.stream().anyMatch(known -> known.getEventId().equals(event.getEventId()))) {
            return Optional.empty();
        }
        if (belongsToAForgottenCall(history, event, rules)) {
            return Optional.empty();
        }
        if (events.size() >= rules.maxEventsPerCallId()) {
            return Optional.empty();
        }
        List<CtiEvent> sorted = new ArrayList<>(events.size() + 1);
        sorted.addAll(events);
        int position = -(Collections.binarySearch(sorted, event, ORDER) + 1);
        sorted.add(position, event);
        return Optional.of(history(history.getEvictedCalls(), history.getEvictedUntil(), sorted, history.getTimeouts(),
                history.getDoneMarks()));
    }

    /** The splitter's rule, applied to the last forgotten call: its late events are dropped with it. */
    private static boolean belongsToAForgottenCall(CallHistory history, CtiEvent event, CallRules rules) {
        Instant forgottenEnd = history.getEvictedUntil();
        if (forgottenEnd == null) {
            return false;
        }
        Instant lateUntil = event.getEvent() == CallEventType.NEW_CALL ? forgottenEnd : forgottenEnd.plus(rules.reuseGap());
        return !event.getReceivedAt().isAfter(lateUntil);
    }

    /** Records that the processor closed the call that was open at {@code at}. */
    public static CallHistory withTimeout(CallHistory history, Instant at) {
        List<Instant> timeouts = new ArrayList<>(history.getTimeouts());
        timeouts.add(at);
        timeouts.sort(Comparator.naturalOrder());
        return history(history.getEvictedCalls(), history.getEvictedUntil(), history.getEvents(), timeouts,
                history.getDoneMarks());
    }

    public static Optional<CallHistory> withDoneMark(CallHistory history, DoneMark mark) {
        if (history.getDoneMarks().stream().anyMatch(known -> known.getCommandId().equals(mark.getCommandId()))) {
            return Optional.empty();
        }
        List<DoneMark> marks = new ArrayList<>(history.getDoneMarks());
        marks.add(mark);
        return Optional.of(history(history.getEvictedCalls(), history.getEvictedUntil(), history.getEvents(),
                history.getTimeouts(), marks));
    }

    /**
     * Forgets the oldest {@code count} calls, which ended at or before {@code lastEnd}: their
     * events, timeouts and marks go, their numbers stay taken.
     *
     * @param remaining the calls that stay, as the splitter found them
     */
    public static CallHistory evict(CallHistory history, int count, Instant lastEnd, List<SplitCall> remaining) {
        List<CtiEvent> events = remaining.stream().flatMap(call -> call.events().stream()).sorted(ORDER).toList();
        int evicted = history.getEvictedCalls() + count;
        return history(evicted, lastEnd, events,
                history.getTimeouts().stream().filter(at -> at.isAfter(lastEnd)).toList(),
                history.getDoneMarks().stream().filter(mark -> mark.getCall() > evicted).toList());
    }

    /**
     * Through the constructor, not a builder: a builder copies every event deeply on each change,
     * and Avro allows that copy only for classes it was told to trust.
     */
    private static CallHistory history(int evictedCalls, Instant evictedUntil, List<CtiEvent> events,
            List<Instant> timeouts, List<DoneMark> doneMarks) {
        return new CallHistory(evictedCalls, evictedUntil, events, timeouts, doneMarks);
    }
}
