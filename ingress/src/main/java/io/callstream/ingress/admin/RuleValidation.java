package io.callstream.ingress.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.callstream.sites.Site;
import io.callstream.sites.store.SiteConfigs;
import io.callstream.schema.PhoneNumbers;
import io.callstream.web.api.Violation;

/**
 * Checks what operators send before anything is written, collecting every violation: numbers are
 * digits with an optional leading {@code +} and the separators the matcher ignores; {@code *} is
 * allowed where the rules give it a meaning.
 */
final class RuleValidation {

    static final int MAX_NUMBER_LENGTH = 32;
    static final int MAX_NOTE_LENGTH = 200;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;
    static final int MAX_BLOCK_LIST_SIZE = 200_000;
    static final int MAX_ROUTING_SIZE = 20_000;

    /** Digits and separators, at least one digit, an optional leading '+'. */
    private static final Pattern CALLER_ID = Pattern.compile("\\+?(?=[^0-9]*[0-9])[0-9(][0-9 ()./-]*");
    private static final Pattern BLOCKED_NUMBER = Pattern.compile("\\+?(?=[^0-9]*[0-9])[0-9(][0-9 ()./-]*\\*?");
    private static final Pattern DESTINATION = Pattern.compile("\\+?[0-9(*][0-9* ()./-]*");
    private static final String ANONYMOUS = "anonymous";

    private final List<Violation> violations = new ArrayList<>();

    void siteId(String field, String id) {
        if (!Site.isValidId(id)) {
            add(field, "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    void displayName(String field, String name) {
        if (name == null || name.isBlank() || name.length() > MAX_DISPLAY_NAME_LENGTH) {
            add(field, "must be 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
    }

    void countryCode(String field, String countryCode) {
        if (countryCode != null && !PhoneNumbers.isCountryCode(countryCode)) {
            add(field, "must be 1 to 3 digits without '+' or leading 0, for example 49");
        }
    }

    /** An IANA time zone id such as {@code Europe/Berlin}, or {@code null} for the default. */
    void timeZone(String field, String timeZone) {
        if (timeZone != null && !SiteConfigs.isTimeZone(timeZone)) {
            add(field, "must be an IANA time zone such as Europe/Berlin or UTC");
        }
    }

    void serviceLevelThreshold(String field, Integer seconds) {
        if (seconds != null && !SiteConfigs.isServiceLevelThreshold(seconds)) {
            add(field, "must be 1 to " + SiteConfigs.MAX_SERVICE_LEVEL_THRESHOLD_SECONDS + " seconds");
        }
    }

    void abandonedShort(String field, Integer seconds) {
        if (seconds != null && !SiteConfigs.isAbandonedShort(seconds)) {
            add(field, "must be 1 to " + SiteConfigs.MAX_ABANDONED_SHORT_SECONDS + " seconds");
        }
    }

    void callerId(String field, String callerId) {
        if (callerId == null || callerId.isEmpty()) {
            add(field, "is required");
        } else if (callerId.length() > MAX_NUMBER_LENGTH || !CALLER_ID.matcher(callerId).matches()) {
            add(field, "must be a number: digits, an optional leading '+', spaces or ( ) . / - ; at most "
                    + MAX_NUMBER_LENGTH + " characters");
        }
    }

    /** A default caller id may be empty: no rewrite. */
    void optionalCallerId(String field, String callerId) {
        if (callerId != null && !callerId.isEmpty()) {
            callerId(field, callerId);
        }
    }

    void note(String field, String note) {
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            add(field, "must be at most " + MAX_NOTE_LENGTH + " characters");
        }
    }

    void blockEntry(String field, String callerId, String note) {
        if (callerId == null || callerId.isEmpty()) {
            add(field + ".caller_id", "is required");
        } else if (!callerId.equalsIgnoreCase(ANONYMOUS)
                && (callerId.length() > MAX_NUMBER_LENGTH || !BLOCKED_NUMBER.matcher(callerId).matches())) {
            add(field + ".caller_id", "must be 'anonymous' or a number (digits, an optional leading '+', spaces or "
                    + "( ) . / -) that may end in '*' for every longer number; at most " + MAX_NUMBER_LENGTH + " characters");
        }
        note(field + ".note", note);
    }

    void route(String field, String destination, String callerId, String note) {
        if (destination == null || destination.isEmpty()) {
            add(field + ".dest", "is required");
        } else if (destination.length() > MAX_NUMBER_LENGTH || !DESTINATION.matcher(destination).matches()) {
            add(field + ".dest", "must be digits and '*' (one or more characters), an optional leading '+', "
                    + "spaces or ( ) . / - ; at most " + MAX_NUMBER_LENGTH + " characters");
        }
        callerId(field + ".caller_id", callerId);
        note(field + ".note", note);
    }

    /** Two entries that normalise alike would be one rule twice. */
    void noDuplicates(String field, String what, List<String> values, String countryCode) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(PhoneNumbers.normalize(value, countryCode), i);
            if (first != null) {
                add(field + "[" + i + "]." + what, "repeats " + field + "[" + first + "]");
            }
        }
    }

    void size(String field, int size, int max) {
        if (size > max) {
            add(field, "has " + size + " entries; at most " + max + " are allowed");
        }
    }

    void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidSiteChangeException(violations);
        }
    }
}
