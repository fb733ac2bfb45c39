package io.callstream.processor.query;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.MediaType;

/**
 * The caller log as CSV (RFC 4180), Zammad's columns first. A cell a spreadsheet program would take
 * for a formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading
 * apostrophe, as OWASP advises: names in it come from imported contact files.
 */
final class CallLogCsv {

    static final MediaType MEDIA_TYPE = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private static final String HEADER = "id,from,to,direction,state,done,queue,comment,from_comment,to_comment,"
            + "initialized_at,start_at,end_at,duration_waiting_time,duration_talking_time,outcome,site,call_id,call,"
            + "answered_by";

    private CallLogCsv() {
    }

    static String of(List<CallView> calls) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (CallView call : calls) {
            csv.append(Stream.of(call.id(), call.from(), call.to(), call.direction(), call.state(), call.done(),
                            call.queue(), call.comment(), call.fromComment(), call.toComment(), call.initializedAt(),
                            call.startAt(), call.endAt(), call.durationWaitingTime(), call.durationTalkingTime(),
                            call.outcome(), call.site(), call.callId(), call.call(), call.answeredBy())
                    .map(CallLogCsv::field)
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
