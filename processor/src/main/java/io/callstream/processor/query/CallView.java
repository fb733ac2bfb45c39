package io.callstream.processor.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.callstream.processor.topology.RecordKeys;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Contact;
import io.callstream.schema.Direction;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A call as the query API shows it: Zammad's caller-log fields ({@code from, to, direction, state,
 * done, queue, comment, from_comment, to_comment, initialized_at, start_at, end_at,
 * duration_waiting_time, duration_talking_time}, durations in whole seconds) and ours.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CallView(
        String id,
        String site,
        String callId,
        int call,
        String from,
        String to,
        String direction,
        String state,
        boolean done,
        String queue,
        String comment,
        String fromComment,
        String toComment,
        Instant initializedAt,
        Instant startAt,
        Instant endAt,
        Long durationWaitingTime,
        Long durationTalkingTime,
        String outcome,
        String originalFrom,
        List<String> users,
        String answeredBy,
        String answeringNumber,
        String remoteNumber,
        ContactView remoteContact,
        int eventsApplied) {

    /** Newest call first, then by id so that equal times have one order on every instance. */
    public static final Comparator<CallView> NEWEST_FIRST =
            Comparator.comparing(CallView::initializedAt).reversed().thenComparing(CallView::id);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContactView(String name, String organization, String externalId, String url) {
    }

    public static CallView of(CallRecord record) {
        Contact contact = record.getRemoteContact();
        return new CallView(
                RecordKeys.of(record),
                record.getSite(),
                record.getCallId(),
                record.getCall(),
                record.getFrom(),
                record.getTo(),
                record.getDirection() == null ? null : record.getDirection() == Direction.IN ? "in" : "out",
                switch (record.getState()) {
                    case NEW_CALL -> "newCall";
                    case ANSWER -> "answer";
                    case HANGUP -> "hangup";
                },
                record.getDone(),
                record.getQueue(),
                record.getComment(),
                record.getFromComment(),
                record.getToComment(),
                record.getInitializedAt(),
                record.getStartAt(),
                record.getEndAt(),
                seconds(record.getWaitingTimeMs()),
                seconds(record.getTalkingTimeMs()),
                record.getOutcome() == null ? null : record.getOutcome().name().toLowerCase(java.util.Locale.ROOT),
                record.getOriginalFrom(),
                record.getUsers(),
                record.getAnsweredBy(),
                record.getAnsweringNumber(),
                record.getRemoteNumber(),
                contact == null ? null : new ContactView(contact.getName(), contact.getOrganization(),
                        contact.getExternalId(), contact.getUrl()),
                record.getEventsApplied());
    }

    /** Whole seconds, rounded down, as Zammad shows them. */
    private static Long seconds(Long millis) {
        return millis == null ? null : Duration.ofMillis(millis).toSeconds();
    }
}
