package io.callstream.processor.calls;

import java.time.Instant;
import java.util.Optional;

import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Direction;

/**
 * Zammad's three free-text fields of a caller-log entry, by Zammad's own rules ({@code Cti::Log}),
 * from a call's events in time order:
 * <ul>
 * <li>{@code from_comment} / {@code to_comment}: set when the call is created (its newCall). Inbound,
 * {@code to_comment} is the agents ({@code userText}) if not empty, else the {@code queue}
 * parameter, and {@code from_comment} the contact found for the caller; outbound,
 * {@code from_comment} is the agents and {@code to_comment} the contact found for the callee. An
 * answer that carries {@code user}, even empty, replaces {@code to_comment}.</li>
 * <li>{@code comment}: the cause of the latest event Zammad applies (the newCall, an answer before
 * the end, any hangup), {@code ""} for an empty cause.</li>
 * </ul>
 */
record CallerLogLabels(String comment, String fromComment, String toComment) {

    /**
     * @param end         when the call ended in Zammad's view; answers after it are ignored
     * @param contactName the name of the contact found for the other party, if any
     */
    static CallerLogLabels of(SplitCall call, Optional<CtiEvent> newCall, Direction direction, Optional<Instant> end,
            String contactName) {
        String agents = newCall.map(CtiEvent::getUserText).orElse(null);
        String fromComment;
        String toComment;
        if (direction == Direction.OUT) {
            fromComment = agents;
            toComment = contactName;
        } else {
            fromComment = contactName;
            toComment = present(agents) ? agents : newCall.map(CtiEvent::getQueue).filter(CallerLogLabels::present).orElse(null);
        }
        String comment = null;
        for (CtiEvent event : call.events()) {
            if (!appliedByZammad(event, newCall, end)) {
                continue;
            }
            comment = event.getCause();
            if (event.getEvent() == CallEventType.ANSWER && event.getUserText() != null) {
                toComment = event.getUserText();
            }
        }
        return new CallerLogLabels(comment, fromComment, toComment);
    }

    /** Zammad creates the call on its first newCall (a repeated one fails) and ignores an answer after the hangup. */
    private static boolean appliedByZammad(CtiEvent event, Optional<CtiEvent> newCall, Optional<Instant> end) {
        return switch (event.getEvent()) {
            case NEW_CALL -> newCall.filter(first -> first.getEventId().equals(event.getEventId())).isPresent();
            case ANSWER -> SplitCall.notAfter(event, end);
            case HANGUP -> true;
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
