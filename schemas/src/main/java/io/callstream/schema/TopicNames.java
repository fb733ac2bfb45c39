package io.callstream.schema;

import java.util.regex.Pattern;

/**
 * The names of callstream's topics in one deployment: the {@link Topics} names behind an optional
 * prefix ({@code callstream.topic-prefix}, e.g. {@code team-a.}), so that several deployments can
 * share a cluster. Every application of a deployment must use the same prefix.
 */
public record TopicNames(String prefix) {

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{0,100}");
    public static final TopicNames UNPREFIXED = new TopicNames("");

    public TopicNames {
        prefix = prefix == null ? "" : prefix;
        if (!LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("callstream.topic-prefix may hold letters, digits, '.', '_' and '-',"
                    + " at most 100 of them: '" + prefix + "'");
        }
    }

    public String ctiEvents() {
        return prefix + Topics.CTI_EVENTS;
    }

    public String sites() {
        return prefix + Topics.SITES;
    }

    public String callRecords() {
        return prefix + Topics.CALL_RECORDS;
    }

    public String callStats() {
        return prefix + Topics.CALL_STATS;
    }

    public String callCommands() {
        return prefix + Topics.CALL_COMMANDS;
    }

    public String contacts() {
        return prefix + Topics.CONTACTS;
    }

    public String deadLetters() {
        return prefix + Topics.DEAD_LETTERS;
    }
}
