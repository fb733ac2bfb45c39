package io.callstream.processor.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.EdgeDecision;

/**
 * The events of one call, in order, and how it ended.
 *
 * @param number  which call with this call id: 1 for the first ever
 * @param events  its events, sorted
 * @param timeout when the processor closed it for want of a hangup, if it did and no hangup came earlier
 */
public record SplitCall(int number, List<CtiEvent> events, Optional<Instant> timeout) {

    public SplitCall {
        events = List.copyOf(events);
    }

    public Optional<CtiEvent> first(CallEventType type) {
        return events.stream().filter(event -> event.getEvent() == type).findFirst();
    }

    public Optional<CtiEvent> firstHangup() {
        return first(CallEventType.HANGUP);
    }

    /** When the call ended: see {@link #end(Instant, Instant, Optional)}. */
    public Optional<Instant> end() {
        Instant hangup = firstHangup().map(CtiEvent::getReceivedAt).orElse(null);
        Instant rejected = first(CallEventType.NEW_CALL).filter(SplitCall::rejected)
                .map(CtiEvent::getReceivedAt).orElse(null);
        return end(hangup, rejected, timeout);
    }

    /** Whether {@code event} came before the end, or the call has not ended: an answer after the hangup is ignored. */
    static boolean notAfter(CtiEvent event, Optional<Instant> end) {
        return end.isEmpty() || !event.getReceivedAt().isAfter(end.get());
    }

    /** Whether the edge told the PBX to reject this newCall: such a call is over at once. */
    static boolean rejected(CtiEvent newCall) {
        return newCall.getDecision() == EdgeDecision.REJECT;
    }

    /**
     * The end of a call: the earliest of its first hangup, the newCall the edge rejected, and the
     * processor's timeout; empty while none of them exists.
     */
    static Optional<Instant> end(Instant firstHangup, Instant rejectedAt, Optional<Instant> timeout) {
        Instant end = null;
        for (Instant candidate : new Instant[] {firstHangup, rejectedAt, timeout.orElse(null)}) {
            if (candidate != null && (end == null || candidate.isBefore(end))) {
                end = candidate;
            }
        }
        return Optional.ofNullable(end);
    }

    public Instant lastEventAt() {
        return events.get(events.size() - 1).getReceivedAt();
    }
}
