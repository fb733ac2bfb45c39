package io.callstream.processor.forwarding;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.Map;

import io.callstream.schema.CtiEvent;
import io.callstream.schema.Direction;

/**
 * A CTI event as a PBX posts it to Zammad's generic CTI endpoint, form-encoded: {@code event},
 * {@code from}, {@code to}, {@code direction}, {@code callId}, {@code user[]} once per agent,
 * {@code queue}, {@code cause}, {@code answeringNumber} and the extra fields, each as received.
 */
final class ZammadForm {

    private final StringBuilder form = new StringBuilder(256);

    private ZammadForm() {
    }

    static String of(CtiEvent event) {
        ZammadForm form = new ZammadForm();
        form.add("event", switch (event.getEvent()) {
            case NEW_CALL -> "newCall";
            case ANSWER -> "answer";
            case HANGUP -> "hangup";
        });
        form.add("from", event.getFrom());
        form.add("to", event.getTo());
        form.add("direction", event.getDirection() == null ? null : event.getDirection() == Direction.IN ? "in" : "out");
        form.add("callId", event.getCallId());
        if (!event.getUsers().isEmpty()) {
            event.getUsers().forEach(user -> form.add("user[]", user));
        } else {
            form.add("user", event.getUserText()); // sent empty: Zammad reads "" too
        }
        form.add("queue", event.getQueue());
        form.add("cause", event.getCause());
        form.add("answeringNumber", event.getAnsweringNumber());
        for (Map.Entry<String, String> extra : event.getExtraFields().entrySet()) {
            form.add(extra.getKey(), extra.getValue());
        }
        return form.form.toString();
    }

    private void add(String name, String value) {
        if (value == null) {
            return;
        }
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(URLEncoder.encode(name, UTF_8)).append('=').append(URLEncoder.encode(value, UTF_8));
    }
}
