package io.callstream.processor.stats.api;

import static io.callstream.web.api.ApiOperation.content;
import static io.callstream.web.api.ApiOperation.json;
import static io.callstream.web.api.ApiOperation.jsonList;

import io.callstream.web.api.ApiOperation;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import org.springframework.http.HttpStatus;

/** The statistics API's routes, behind the API token. Its failures are the query API's (bad parameters, 503). */
public final class StatsRoutes {

    private StatsRoutes() {
    }

    public static ApiRoutes.Builder addTo(ApiRoutes.Builder routes, StatsHandler stats) {
        return routes
                .GET(StatsQueries.STATS_PATH, Guard.API_TOKEN, stats::series, operation("getStats",
                        "Call statistics of a site, a queue or an agent, window after window")
                        .description("Figures as documented in the CallStats schema; windows of 15m, 1h or 1d in the "
                                + "site's time zone; empty windows as zeros. Default range: the site's today.")
                        .queryParameter("site", String.class, "The site (required).")
                        .queryParameter("interval", String.class, "15m, 1h (default) or 1d.")
                        .queryParameter("from", String.class,
                                "First window: the one holding this instant (2026-12-01T08:00:00Z) or local date.")
                        .queryParameter("to", String.class, "End of the range (exclusive): an instant or a local date.")
                        .queryParameter("queue", String.class, "Only this queue's calls.")
                        .queryParameter("agent", String.class, "Only the calls this agent answered, with their share.")
                        .queryParameter("direction", String.class, "in or out: the other direction's figures are null.")
                        .queryParameter("format", String.class, "csv for a CSV file.")
                        .queryParameter("local", Boolean.class, "true: read this instance's store only (for peers).")
                        .response(HttpStatus.OK, "The series.", json(StatsSeriesView.class),
                                content("text/csv", String.class)))
                .GET(StatsQueries.STATS_PATH + "/today", Guard.API_TOKEN, stats::today, operation("getStatsToday",
                        "Today so far in the site's time zone, and the calls ringing and talking now")
                        .queryParameter("site", String.class, "The site (required).")
                        .response(HttpStatus.OK, "Today's figures.", json(StatsTodayView.class)))
                .GET(StatsQueries.STATS_PATH + "/sites", Guard.API_TOKEN, stats::sites, ApiOperation.of("listStatsSites",
                                "The sites, with the settings that shape their statistics").tag("statistics")
                        .description("Id, name, time zone, service-level threshold and short-abandon limit of every "
                                + "site on the sites topic; no tokens, no rules.")
                        .response(HttpStatus.OK, "The sites, by id.", jsonList(StatsSiteView.class))
                        .problem(HttpStatus.SERVICE_UNAVAILABLE, "The processor is starting: retry."));
    }

    private static ApiOperation operation(String id, String summary) {
        return ApiOperation.of(id, summary).tag("statistics")
                .problem(HttpStatus.BAD_REQUEST, "Invalid parameters, each named in errors.")
                .problem(HttpStatus.SERVICE_UNAVAILABLE, "The statistics cannot be read right now (starting, "
                        + "rebalancing, an instance not answering): retry.");
    }
}
