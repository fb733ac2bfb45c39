package io.callstream.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.callstream.web.api.Violation;
import org.springframework.util.MultiValueMap;

/**
 * What the caller log should show: {@code site}, {@code queue}, {@code missed=true} (missed calls
 * only), {@code done=true|false}, {@code limit} (default 60, Zammad's, at most 1000).
 */
public record CallLogFilter(String site, String queue, Boolean missed, Boolean done, int limit) {

    public static final int DEFAULT_LIMIT = 60;
    public static final int MAX_LIMIT = 1000;

    /** @throws InvalidQueryException naming every bad parameter */
    public static CallLogFilter from(MultiValueMap<String, String> parameters) {
        List<Violation> problems = new ArrayList<>();
        Boolean missed = bool(parameters, "missed", problems);
        Boolean done = bool(parameters, "done", problems);
        int limit = DEFAULT_LIMIT;
        String limitText = parameters.getFirst("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add(new Violation("limit", "must be a number from 1 to " + MAX_LIMIT));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        return new CallLogFilter(parameters.getFirst("site"), parameters.getFirst("queue"), missed, done, limit);
    }

    public boolean matches(CallView call) {
        return (site == null || site.equals(call.site()))
                && (queue == null || queue.equals(call.queue()))
                && (missed == null || missed == "missed".equals(call.outcome()))
                && (done == null || done == call.done());
    }

    /** The same filter as query parameters, for asking another instance. */
    public String toQuery() {
        StringBuilder query = new StringBuilder("limit=" + limit);
        Optional.ofNullable(site).ifPresent(value -> query.append("&site=").append(encode(value)));
        Optional.ofNullable(queue).ifPresent(value -> query.append("&queue=").append(encode(value)));
        Optional.ofNullable(missed).ifPresent(value -> query.append("&missed=").append(value));
        Optional.ofNullable(done).ifPresent(value -> query.append("&done=").append(value));
        return query.toString();
    }

    private static Boolean bool(MultiValueMap<String, String> parameters, String name, List<Violation> problems) {
        String value = parameters.getFirst(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problems.add(new Violation(name, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
