package io.callstream.ingress.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.callstream.schema.CallEventType;
import io.callstream.schema.Direction;

/**
 * Validates CTI parameters against docs/pbx-contract.md (Requests) and turns them into a
 * {@link CtiRequest}. Lenient where real PBXs differ (aliases, missing numbers, empty direction on
 * answer/hangup, unknown fields), strict where a request cannot mean anything (no event, no call
 * id, a direction that is neither in nor out, a call id with control characters); all violations
 * are reported at once. Control characters in free text become spaces ({@link ControlCharacters}).
 */
public final class CtiRequestParser {

    public static final int MAX_CALL_ID_LENGTH = 250;
    static final int MAX_EXTRA_FIELDS = 50;
    static final int MAX_EXTRA_NAME_LENGTH = 100;
    static final int MAX_EXTRA_VALUE_LENGTH = 1000;

    public static final String INVALID_DIRECTION = "Invalid 'direction'!";
    static final String INVALID_CALL_ID_CHARACTERS =
            "Invalid 'callId'! It contains control characters (a line break, tab or similar).";

    private static final Map<String, CallEventType> EVENTS = Map.of(
            "newCall", CallEventType.NEW_CALL,
            "answer", CallEventType.ANSWER,
            "hangup", CallEventType.HANGUP);
    private static final Map<String, Direction> DIRECTIONS = Map.of("in", Direction.IN, "out", Direction.OUT);

    /** Parameters with a meaning; {@code callid} is a third call-id alias some clients add, ignored like in Zammad. */
    private static final Set<String> KNOWN = Set.of("event", "direction", "from", "to", "callId", "call_id",
            "callid", "user", "user[]", "queue", "cause", "answeringNumber");

    public CtiRequest parse(CtiParameters parameters) {
        List<String> violations = new ArrayList<>();
        CallEventType event = event(parameters, violations);
        String callId = callId(parameters, violations);
        Direction direction = direction(parameters, event, violations);
        if (!violations.isEmpty()) {
            throw new InvalidCtiRequestException(violations);
        }
        String cause = ControlCharacters.spaced(parameters.last("cause").orElse(null));
        return new CtiRequest(
                event,
                callId,
                direction,
                ControlCharacters.spaced(parameters.last("from").orElse(null)),
                ControlCharacters.spaced(parameters.last("to").orElse(null)),
                users(parameters),
                userText(parameters),
                nonEmpty(parameters, "queue"),
                cause,
                HangupCauses.normalize(cause),
                nonEmpty(parameters, "answeringNumber"),
                extraFields(parameters));
    }

    private static CallEventType event(CtiParameters parameters, List<String> violations) {
        Optional<String> name = parameters.last("event").filter(value -> !value.isEmpty());
        if (name.isEmpty()) {
            violations.add("Missing 'event'! Expected newCall, answer or hangup.");
            return null;
        }
        CallEventType event = EVENTS.get(name.get());
        if (event == null) {
            violations.add("Invalid 'event'! Expected newCall, answer or hangup.");
        }
        return event;
    }

    private static String callId(CtiParameters parameters, List<String> violations) {
        Optional<String> callId = parameters.last("callId").filter(value -> !value.isEmpty())
                .or(() -> parameters.last("call_id").filter(value -> !value.isEmpty()));
        if (callId.isEmpty()) {
            violations.add("Missing 'callId'!");
            return null;
        }
        if (callId.get().length() > MAX_CALL_ID_LENGTH) {
            violations.add("Invalid 'callId'! It is longer than " + MAX_CALL_ID_LENGTH + " characters.");
            return null;
        }
        if (ControlCharacters.containsAny(callId.get())) {
            violations.add(INVALID_CALL_ID_CHARACTERS);
            return null;
        }
        return callId.get();
    }

    private static Direction direction(CtiParameters parameters, CallEventType event, List<String> violations) {
        String value = parameters.last("direction").orElse("");
        if (value.isEmpty()) {
            if (event == CallEventType.NEW_CALL) {
                violations.add(INVALID_DIRECTION);
            }
            return null;
        }
        Direction direction = DIRECTIONS.get(value);
        if (direction == null) {
            violations.add(INVALID_DIRECTION);
        }
        return direction;
    }

    private static List<String> users(CtiParameters parameters) {
        List<String> users = new ArrayList<>();
        for (String name : List.of("user[]", "user")) {
            for (String user : parameters.all(name)) {
                if (!user.isEmpty()) {
                    users.add(ControlCharacters.spaced(user));
                }
            }
        }
        return users;
    }

    /**
     * The agents as Zammad's caller log reads {@code user}: a list (every {@code user[]}, or a
     * repeated {@code user}) joined with ", ", one {@code user} exactly as sent, even empty.
     */
    private static String userText(CtiParameters parameters) {
        List<String> values = new ArrayList<>(parameters.all("user[]"));
        values.addAll(parameters.all("user"));
        if (values.isEmpty()) {
            return null;
        }
        return ControlCharacters.spaced(String.join(", ", values));
    }

    private static String nonEmpty(CtiParameters parameters, String name) {
        return parameters.last(name).filter(value -> !value.isEmpty()).map(ControlCharacters::spaced).orElse(null);
    }

    private static Map<String, String> extraFields(CtiParameters parameters) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            if (extra.size() == MAX_EXTRA_FIELDS) {
                break;
            }
            if (KNOWN.contains(name) || name.length() > MAX_EXTRA_NAME_LENGTH) {
                continue;
            }
            parameters.last(name).ifPresent(value ->
                    extra.put(ControlCharacters.spaced(name), truncate(ControlCharacters.spaced(value))));
        }
        return extra;
    }

    private static String truncate(String value) {
        return value.length() <= MAX_EXTRA_VALUE_LENGTH ? value : value.substring(0, MAX_EXTRA_VALUE_LENGTH);
    }
}
