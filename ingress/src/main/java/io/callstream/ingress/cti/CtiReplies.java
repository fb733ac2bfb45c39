package io.callstream.ingress.cti;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.callstream.sites.rules.Decision;
import io.callstream.schema.CallEventType;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.ObjectMapper;

/**
 * Every answer of the CTI endpoint, byte for byte as docs/pbx-contract.md (Answers) demands: Zammad's
 * exact bodies for success, Zammad's {@code {"error": "..."}} shape for failures, with an
 * {@code errors} list only when there is more than one violation to name.
 */
public final class CtiReplies {

    static final String INVALID_TOKEN = "Invalid token, please contact your admin!";
    static final String FEATURE_DISABLED = "Feature is disabled, please contact your administrator!";

    private static final byte[] NO_ACTION = ascii("{}");
    private static final byte[] REJECT = ascii("{\"action\":\"reject\",\"reason\":\"busy\"}");

    private final ObjectMapper mapper;
    private final CtiReply invalidToken;
    private final CtiReply siteDisabled;

    public CtiReplies(ObjectMapper mapper) {
        this.mapper = mapper;
        this.invalidToken = error(HttpStatus.UNAUTHORIZED, null, "invalid_token", List.of(INVALID_TOKEN));
        this.siteDisabled = error(HttpStatus.UNPROCESSABLE_CONTENT, null, "site_disabled", List.of(FEATURE_DISABLED));
    }

    public CtiReply accepted(CallEventType event, Decision decision) {
        if (decision instanceof Decision.Reject) {
            return new CtiReply(HttpStatus.OK, REJECT, event, "rejected");
        }
        if (decision instanceof Decision.Dial dial) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("action", "dial");
            body.put("caller_id", dial.callerId());
            body.put("number", dial.number());
            return new CtiReply(HttpStatus.OK, mapper.writeValueAsBytes(body), event, "dial");
        }
        return new CtiReply(HttpStatus.OK, NO_ACTION, event, "accepted");
    }

    public CtiReply invalidToken() {
        return invalidToken;
    }

    public CtiReply siteDisabled() {
        return siteDisabled;
    }

    public CtiReply invalidRequest(List<String> violations) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, null, "invalid_request", violations);
    }

    public CtiReply malformed(String message) {
        return error(HttpStatus.BAD_REQUEST, null, "malformed", List.of(message));
    }

    public CtiReply tooLarge(int maxBodyBytes) {
        return error(HttpStatus.CONTENT_TOO_LARGE, null, "too_large",
                List.of("Request body too large: the limit is " + maxBodyBytes + " bytes."));
    }

    public CtiReply notPublished(CallEventType event) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, event, "unavailable",
                List.of("The event could not be stored in time, please retry."));
    }

    public CtiReply notReady() {
        return error(HttpStatus.SERVICE_UNAVAILABLE, null, "not_ready",
                List.of("Starting up: the site rules are not loaded yet, please retry."));
    }

    public CtiReply internalError() {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, null, "error", List.of("Internal error."));
    }

    public CtiReply methodNotAllowed() {
        return error(HttpStatus.METHOD_NOT_ALLOWED, null, "method_not_allowed",
                List.of("Method not allowed: CTI events are sent with POST."));
    }

    private CtiReply error(HttpStatus status, CallEventType event, String outcome, List<String> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", messages.get(0));
        if (messages.size() > 1) {
            body.put("errors", messages);
        }
        return new CtiReply(status, mapper.writeValueAsBytes(body), event, outcome);
    }

    private static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }
}
