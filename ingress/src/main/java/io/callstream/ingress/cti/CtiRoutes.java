package io.callstream.ingress.cti;

import static io.callstream.web.api.ApiOperation.content;
import static io.callstream.web.api.ApiOperation.json;

import io.callstream.web.api.ApiOperation;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The PBX endpoint's routes, behind the site-token guard, answered in Zammad's shapes. */
public final class CtiRoutes {

    public static final String CTI_PATH = "/api/v1/cti/{token}";

    private CtiRoutes() {
    }

    /**
     * {@code POST} for events; every other method on the path gets Zammad's JSON 405, tried after
     * the application's other routes so that read routes of the same shape (Zammad's
     * {@code GET /api/v1/cti/log}) take precedence.
     */
    public static ApiRoutes.Builder addTo(ApiRoutes.Builder routes, CtiHandler handler) {
        return routes
                .POST(CTI_PATH, Guard.SITE_TOKEN, handler::handle, documentation())
                .otherMethods(CTI_PATH, handler::methodNotAllowed);
    }

    private static ApiOperation documentation() {
        return ApiOperation.of("postCtiEvent", "Send a call event (Zammad's Generic CTI API)")
                .tag("pbx")
                .description("What a PBX configured for Zammad sends: newCall, answer, hangup. Answered after Kafka "
                        + "stored the event; every accepted event is a 200 with a JSON body. Any other method on "
                        + "this path is a 405 in the same error shape. Contract: docs/pbx-contract.md.")
                .pathParameter("token", "The site's PBX token.")
                .body("The event, in any of these encodings (a body without Content-Type is read as a form).",
                        content(MediaType.APPLICATION_FORM_URLENCODED_VALUE, CtiApi.Event.class),
                        content(MediaType.APPLICATION_JSON_VALUE, CtiApi.Event.class),
                        content(MediaType.MULTIPART_FORM_DATA_VALUE, CtiApi.Event.class))
                .response(HttpStatus.OK, "Stored: carry on ({}), reject the caller, or dial with another caller id.",
                        json(CtiApi.Answer.class))
                .response(HttpStatus.BAD_REQUEST, "Malformed JSON, form encoding or multipart body.",
                        json(CtiApi.Error.class))
                .response(HttpStatus.UNAUTHORIZED, "Unknown token: {\"error\":\"Invalid token, please contact your admin!\"}.",
                        json(CtiApi.Error.class))
                .response(HttpStatus.REQUEST_TIMEOUT, "The body did not arrive within the body timeout.",
                        json(CtiApi.Error.class))
                .response(HttpStatus.CONTENT_TOO_LARGE, "Body over the limit (64 KiB by default).", json(CtiApi.Error.class))
                .response(HttpStatus.UNPROCESSABLE_CONTENT, "The site is disabled, or the event is invalid "
                        + "(event, direction, callId): every problem is named.", json(CtiApi.Error.class))
                .response(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not store the event within the publish timeout, "
                        + "the sites are not loaded yet, or too many connections are open: retry.",
                        json(CtiApi.Error.class));
    }
}
