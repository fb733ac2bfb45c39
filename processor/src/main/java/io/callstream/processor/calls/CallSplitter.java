package io.callstream.processor.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.internal.CallHistory;

/**
 * Splits the events of one call id into calls. It reads the events in time order, never in arrival
 * order, so the calls it finds depend only on which events exist: any permutation or repetition of
 * them gives the same calls.
 *
 * <p>A call starts with the first event. A later {@code newCall} joins it if the call has no newCall
 * yet or has not ended; after its end, a newCall starts the next call. An answer or hangup joins the
 * current call unless it comes more than the reuse gap after that call ended. A timeout ends the call
 * that is open at its time.
 */
public final class CallSplitter {

    private CallSplitter() {
    }

    public static List<SplitCall> split(CallHistory history, CallRules rules) {
        List<Draft> drafts = new ArrayList<>();
        List<Instant> timeouts = history.getTimeouts();
        int nextTimeout = 0;
        for (CtiEvent event : history.getEvents()) {
            while (nextTimeout < timeouts.size() && timeouts.get(nextTimeout).isBefore(event.getReceivedAt())) {
                closeByTimeout(drafts, timeouts.get(nextTimeout++));
            }
            Draft current = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
            if (current == null || startsNewCall(current, event, rules)) {
                drafts.add(new Draft(event));
            } else {
                current.add(event);
            }
        }
        while (nextTimeout < timeouts.size()) {
            closeByTimeout(drafts, timeouts.get(nextTimeout++));
        }
        List<SplitCall> calls = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            calls.add(drafts.get(i).toCall(history.getEvictedCalls() + i + 1));
        }
        return calls;
    }

    private static boolean startsNewCall(Draft current, CtiEvent event, CallRules rules) {
        Optional<Instant> end = current.end();
        if (end.isEmpty()) {
            return false;
        }
        boolean afterReuseGap = event.getReceivedAt().isAfter(end.get().plus(rules.reuseGap()));
        return afterReuseGap || (event.getEvent() == CallEventType.NEW_CALL && current.hasNewCall());
    }

    private static void closeByTimeout(List<Draft> drafts, Instant at) {
        if (!drafts.isEmpty()) {
            Draft current = drafts.get(drafts.size() - 1);
            if (current.end().isEmpty()) {
                current.timeout = Optional.of(at);
            }
        }
    }

    /** A call while the splitter collects its events. */
    private static final class Draft {

        private final List<CtiEvent> events = new ArrayList<>();
        private Optional<Instant> timeout = Optional.empty();
        private Instant hangup;
        private Instant rejected;
        private boolean newCall;

        Draft(CtiEvent first) {
            add(first);
        }

        void add(CtiEvent event) {
            events.add(event);
            if (event.getEvent() == CallEventType.HANGUP && hangup == null) {
                hangup = event.getReceivedAt();
            }
            if (event.getEvent() == CallEventType.NEW_CALL && !newCall) {
                newCall = true;
                rejected = SplitCall.rejected(event) ? event.getReceivedAt() : null;
            }
        }

        boolean hasNewCall() {
            return newCall;
        }

        Optional<Instant> end() {
            return SplitCall.end(hangup, rejected, timeout);
        }

        SplitCall toCall(int number) {
            return new SplitCall(number, events, timeout);
        }
    }
}
