package io.callstream.ingress.request;

import java.util.List;
import java.util.Map;

import io.callstream.schema.CallEventType;
import io.callstream.schema.Direction;
import io.callstream.schema.HangupCause;

/**
 * A CTI request that passed validation: the event, its call and what the PBX said about it, values
 * exactly as received unless noted.
 *
 * @param direction       {@code null} when absent or empty (allowed on answer and hangup only)
 * @param from            {@code null} when absent
 * @param to              {@code null} when absent
 * @param users           agent names, empty values dropped
 * @param userText        the agents as Zammad reads {@code user}: see {@link CtiRequestParser}
 * @param queue           {@code null} when absent or empty
 * @param cause           raw cause, {@code ""} when sent empty, {@code null} when absent
 * @param normalizedCause {@code null} exactly when {@code cause} is null or blank
 * @param answeringNumber {@code null} when absent or empty
 * @param extraFields     every other parameter, bounded (see {@link CtiRequestParser})
 */
public record CtiRequest(
        CallEventType event,
        String callId,
        Direction direction,
        String from,
        String to,
        List<String> users,
        String userText,
        String queue,
        String cause,
        HangupCause normalizedCause,
        String answeringNumber,
        Map<String, String> extraFields) {

    public CtiRequest {
        users = List.copyOf(users);
        extraFields = Map.copyOf(extraFields);
    }
}
