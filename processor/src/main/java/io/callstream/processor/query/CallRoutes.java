package io.callstream.processor.query;

import static io.callstream.web.api.ApiOperation.content;
import static io.callstream.web.api.ApiOperation.json;
import static io.callstream.web.api.ApiOperation.jsonList;

import io.callstream.web.api.ApiOperation;
import io.callstream.web.api.ApiProblem;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import io.callstream.web.api.ProblemMapping;
import org.springframework.http.HttpStatus;

/** The query API's routes (caller log, calls), behind the API token, and the problems its failures become. */
public final class CallRoutes {

    private static final String CALL = "/api/v1/calls/{site}/{callId}";
    private static final String UNAVAILABLE = "The stores cannot be read right now (starting, rebalancing, an "
            + "instance not answering): retry.";

    private CallRoutes() {
    }

    public static ApiRoutes.Builder addTo(ApiRoutes.Builder routes, CallQueryHandler calls) {
        return routes
                .GET(CallQueries.LOG_PATH, Guard.API_TOKEN, calls::log, callerLog())
                .GET(CallQueries.ACTIVE_PATH, Guard.API_TOKEN, calls::active,
                        query("listActiveCalls", "List the calls in progress")
                                .description("Ringing or talking, on every instance.")
                                .queryParameter("local", Boolean.class, "true: only this instance's calls (for peers).")
                                .response(HttpStatus.OK, "The calls.", jsonList(CallView.class)))
                .GET(CALL, Guard.API_TOKEN, calls::call, onCall("getCall", "Get a call")
                        .description("The latest call of a call id, or ?call=n of a reused one.")
                        .queryParameter("call", Integer.class, "Which call of a reused call id (1 is the first).")
                        .queryParameter("local", Boolean.class,
                                "true: every call of the id this instance holds, as a list (for peers).")
                        .response(HttpStatus.OK, "The call.", json(CallView.class)))
                .POST(CALL + "/done", Guard.API_TOKEN, calls::markDone, onCall("markCallDone",
                        "Mark a call done or not done")
                        .description("A command through Kafka: the record follows within a moment.")
                        .body(CallQueryHandler.DoneRequest.class, "Optional: done (default true), call (default the latest).")
                        .response(HttpStatus.ACCEPTED, "Kafka has the command.", json(CallQueryHandler.CommandAccepted.class)));

    }

    /** The processor's failures as problem details: each bad query parameter is named in {@code errors}. */
    public static ProblemMapping.Builder problems(ProblemMapping.Builder problems) {
        return problems
                .map(InvalidQueryException.class, invalid -> ApiProblem.invalid(invalid.violations()))
                .map(NotQueryableHereException.class, HttpStatus.SERVICE_UNAVAILABLE);
    }

    private static ApiOperation callerLog() {
        return query("getCallerLog", "Zammad's caller log")
                .description("The newest calls first, with Zammad's fields and callstream's own; JSON, or CSV with "
                        + "?format=csv.")
                .queryParameter("site", String.class, "Only this site's calls.")
                .queryParameter("queue", String.class, "Only this queue's calls.")
                .queryParameter("missed", Boolean.class, "true: missed calls only.")
                .queryParameter("done", Boolean.class, "Only done (true) or not done (false) calls.")
                .queryParameter("limit", Integer.class, "How many calls, 1 to 1000 (default 60).")
                .queryParameter("format", String.class, "csv for a CSV file.")
                .queryParameter("local", Boolean.class, "true: only this instance's calls (for peers).")
                .response(HttpStatus.OK, "The calls.", jsonList(CallView.class), content("text/csv", String.class))
                .problem(HttpStatus.BAD_REQUEST, "Invalid parameters, each named in errors.");
    }

    private static ApiOperation query(String id, String summary) {
        return ApiOperation.of(id, summary).tag("calls")
                .problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
    }

    private static ApiOperation onCall(String id, String summary) {
        return query(id, summary)
                .pathParameter("site", "The site's id.")
                .pathParameter("callId", "The PBX's call id.")
                .problem(HttpStatus.BAD_REQUEST, "Not a site id.")
                .problem(HttpStatus.NOT_FOUND, "No such call (calls are forgotten some time after they ended).");
    }
}
