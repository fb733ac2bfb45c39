package io.callstream.ingress.request;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.callstream.schema.HangupCause;

/**
 * Maps the hangup causes real PBXs send onto {@link HangupCause}: Zammad's own names
 * ({@code normalClearing busy cancel noAnswer congestion notFound forwarded}), FreeSWITCH's
 * ({@code NORMAL_CLEARING}, {@code ORIGINATOR_CANCEL}, {@code LOSE_RACE}, ...) and Asterisk's dial
 * statuses ({@code NOANSWER}, {@code BUSY}, {@code CANCEL}, {@code CHANUNAVAIL}, ...). Case,
 * underscores, dashes and spaces do not matter; anything else is {@link HangupCause#OTHER}.
 */
public final class HangupCauses {

    private static final Map<String, HangupCause> BY_KEY = new HashMap<>();

    static {
        map(HangupCause.NORMAL_CLEARING, "normalClearing", "NORMAL_CLEARING", "ANSWER", "NORMAL_UNSPECIFIED");
        map(HangupCause.BUSY, "busy", "USER_BUSY", "CALL_REJECTED", "DONTCALL", "rejected");
        map(HangupCause.CANCEL, "cancel", "ORIGINATOR_CANCEL");
        map(HangupCause.NO_ANSWER, "noAnswer", "NO_ANSWER", "NOANSWER", "NO_USER_RESPONSE",
                "ALLOTTED_TIMEOUT", "RECOVERY_ON_TIMER_EXPIRE");
        map(HangupCause.CONGESTION, "congestion", "SWITCH_CONGESTION", "NORMAL_CIRCUIT_CONGESTION",
                "NORMAL_TEMPORARY_FAILURE", "NETWORK_OUT_OF_ORDER");
        map(HangupCause.NOT_FOUND, "notFound", "UNALLOCATED_NUMBER", "NO_ROUTE_DESTINATION",
                "NO_ROUTE_TRANSIT_NET", "INVALID_NUMBER_FORMAT", "NUMBER_CHANGED");
        map(HangupCause.FORWARDED, "forwarded", "DEFLECTION");
        map(HangupCause.ANSWERED_ELSEWHERE, "LOSE_RACE", "PICKED_OFF", "answeredElsewhere");
        map(HangupCause.UNAVAILABLE, "CHANUNAVAIL", "SUBSCRIBER_ABSENT", "USER_NOT_REGISTERED",
                "DESTINATION_OUT_OF_ORDER", "unavailable");
    }

    private HangupCauses() {
    }

    /** @return the normalised cause, or {@code null} when no cause was sent */
    public static HangupCause normalize(String cause) {
        if (cause == null || cause.isBlank()) {
            return null;
        }
        return BY_KEY.getOrDefault(key(cause), HangupCause.OTHER);
    }

    private static void map(HangupCause cause, String... names) {
        for (String name : names) {
            BY_KEY.put(key(name), cause);
        }
    }

    private static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-' && !Character.isWhitespace(c)) {
                key.append(c);
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
