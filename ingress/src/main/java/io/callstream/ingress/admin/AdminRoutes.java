package io.callstream.ingress.admin;

import static io.callstream.web.api.ApiOperation.json;
import static io.callstream.web.api.ApiOperation.jsonList;

import io.callstream.sites.store.SiteStoreUnavailableException;
import io.callstream.sites.store.SiteTooLargeException;
import io.callstream.web.api.ApiOperation;
import io.callstream.web.api.ApiProblem;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import io.callstream.web.api.ProblemMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/** The admin API's routes, all behind the admin token, and the problems its failures become. */
public final class AdminRoutes {

    public static final String PATH = "/api/v1/admin/sites";

    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
    private static final String SITE = PATH + "/{siteId}";
    private static final String TAG = "sites";

    private AdminRoutes() {
    }

    public static ApiRoutes.Builder addTo(ApiRoutes.Builder routes, SiteAdminHandler admin) {
        return routes
                .GET(PATH, Guard.ADMIN_TOKEN, admin::sites, operation("listSites", "List the sites")
                        .response(HttpStatus.OK, "Every site, without tokens.", jsonList(AdminApi.SiteView.class)))
                .POST(PATH, Guard.ADMIN_TOKEN, admin::create, operation("createSite", "Create a site")
                        .description("The answer holds the site's PBX token; it is shown only now.")
                        .body(AdminApi.NewSite.class, "The new site.")
                        .response(HttpStatus.CREATED, "Created, with its token.", json(AdminApi.SiteWithToken.class))
                        .problem(HttpStatus.BAD_REQUEST, "Invalid values, each named in errors.")
                .problem(HttpStatus.CONTENT_TOO_LARGE, "The site would be larger than the sites topic takes.")
                        .problem(HttpStatus.CONFLICT, "A site with this id exists."))
                .GET(SITE, Guard.ADMIN_TOKEN, admin::site, site("getSite", "Get a site")
                        .response(HttpStatus.OK, "The site.", json(AdminApi.SiteView.class)))
                .PUT(SITE, Guard.ADMIN_TOKEN, admin::update, change("updateSite",
                        "Replace a site's settings (display name, enabled, country code, time zone, service-level threshold, "
                                + "short-abandon limit)")
                        .body(AdminApi.SiteSettings.class, "The settings; missing ones take their defaults.")
                        .response(HttpStatus.OK, "The site as it is now.", json(AdminApi.SiteView.class)))
                .POST(SITE + "/disable", Guard.ADMIN_TOKEN, admin::disable, change("disableSite", "Disable a site")
                        .description("Its PBX requests get Zammad's 'Feature is disabled' (422).")
                        .response(HttpStatus.OK, "The site as it is now.", json(AdminApi.SiteView.class)))
                .POST(SITE + "/enable", Guard.ADMIN_TOKEN, admin::enable, change("enableSite", "Enable a site")
                        .response(HttpStatus.OK, "The site as it is now.", json(AdminApi.SiteView.class)))
                .POST(SITE + "/token", Guard.ADMIN_TOKEN, admin::rotateToken, change("rotateSiteToken",
                        "Rotate a site's PBX token")
                        .description("The old token stops working on every instance.")
                        .response(HttpStatus.OK, "The site with its new token, shown only now.",
                                json(AdminApi.SiteWithToken.class)))
                .GET(SITE + "/block-list", Guard.ADMIN_TOKEN, admin::blockList, site("getBlockList",
                        "Get the inbound block list")
                        .response(HttpStatus.OK, "The entries.", jsonList(AdminApi.BlockEntry.class)))
                .PUT(SITE + "/block-list", Guard.ADMIN_TOKEN, admin::replaceBlockList, change("replaceBlockList",
                        "Replace the inbound block list")
                        .bodyList(AdminApi.BlockEntry.class, "Every entry.")
                        .response(HttpStatus.OK, "The entries as stored.", jsonList(AdminApi.BlockEntry.class)))
                .POST(SITE + "/block-list", Guard.ADMIN_TOKEN, admin::addBlockEntry, change("addBlockEntry",
                        "Add one caller to the block list")
                        .body(AdminApi.BlockEntry.class, "The entry.")
                        .response(HttpStatus.CREATED, "The entry as stored.", json(AdminApi.BlockEntry.class)))
                .DELETE(SITE + "/block-list/{callerId}", Guard.ADMIN_TOKEN, admin::removeBlockEntry,
                        change("removeBlockEntry", "Remove one caller from the block list")
                                .description("The caller id is compared normalised.")
                                .pathParameter("callerId", "The entry's caller id.")
                                .response(HttpStatus.NO_CONTENT, "Removed."))
                .GET(SITE + "/routing", Guard.ADMIN_TOKEN, admin::routing, site("getRouting",
                        "Get the outbound caller-id routing table")
                        .response(HttpStatus.OK, "The rows in priority order.", jsonList(AdminApi.RoutingRow.class)))
                .PUT(SITE + "/routing", Guard.ADMIN_TOKEN, admin::replaceRouting, change("replaceRouting",
                        "Replace the routing table")
                        .description("Rows in priority order: the first match wins.")
                        .bodyList(AdminApi.RoutingRow.class, "Every row.")
                        .response(HttpStatus.OK, "The rows as stored.", jsonList(AdminApi.RoutingRow.class)))
                .POST(SITE + "/routing", Guard.ADMIN_TOKEN, admin::addRoute, change("addRoute", "Add one routing row")
                        .description("Appended, or inserted at ?position= (0 is first).")
                        .queryParameter("position", Integer.class, "Where to insert the row; 0 is first.")
                        .body(AdminApi.RoutingRow.class, "The row.")
                        .response(HttpStatus.CREATED, "The row as stored.", json(AdminApi.RoutingRow.class)))
                .DELETE(SITE + "/routing/{dest}", Guard.ADMIN_TOKEN, admin::removeRoute, change("removeRoute",
                        "Remove the routing row of a destination pattern")
                        .pathParameter("dest", "The row's destination pattern.")
                        .response(HttpStatus.NO_CONTENT, "Removed."))
                .GET(SITE + "/default-caller-id", Guard.ADMIN_TOKEN, admin::defaultCallerId, site("getDefaultCallerId",
                        "Get the default outbound caller id")
                        .response(HttpStatus.OK, "The caller id, empty for none.", json(AdminApi.DefaultCallerId.class)))
                .PUT(SITE + "/default-caller-id", Guard.ADMIN_TOKEN, admin::setDefaultCallerId,
                        change("setDefaultCallerId", "Set the default outbound caller id")
                                .description("Empty or missing: no rewrite.")
                                .body(AdminApi.DefaultCallerId.class, "The caller id.")
                                .response(HttpStatus.OK, "The caller id as stored.", json(AdminApi.DefaultCallerId.class)))
                .GET(SITE + "/forwarding", Guard.ADMIN_TOKEN, admin::forwarding, site("getForwarding",
                        "Get the site's forwarding target (its token masked)")
                        .response(HttpStatus.OK, "The target, its token shown as ***.", json(SiteForwarding.View.class)))
                .PUT(SITE + "/forwarding", Guard.ADMIN_TOKEN, admin::setForwarding, change("setForwarding",
                        "Forward every CTI event of the site to a Zammad")
                        .description("url: Zammad's generic CTI URL with its token; enabled (default true). The "
                                + "forwarder posts each event as the PBX posted it, in order per call.")
                        .body(SiteForwarding.Target.class, "The target.")
                        .response(HttpStatus.OK, "The target as stored, its token masked.", json(SiteForwarding.View.class)))
                .DELETE(SITE + "/forwarding", Guard.ADMIN_TOKEN, admin::removeForwarding, change("removeForwarding",
                        "Stop forwarding the site's events")
                        .response(HttpStatus.NO_CONTENT, "No target any more."))
                .GET(SITE + "/zammad-settings", Guard.ADMIN_TOKEN, admin::exportZammadSettings,
                        site("exportZammadSettings", "Export the site's rules as Zammad's cti_config")
                                .response(HttpStatus.OK, "Block list, routing table and default caller id in Zammad's "
                                        + "shape.", json(ZammadCtiConfig.class)))
                .POST(SITE + "/zammad-settings", Guard.ADMIN_TOKEN, admin::importZammadSettings,
                        change("importZammadSettings", "Import Zammad's cti_config as the site's rules")
                                .description("Replaces the block list, the routing table and the default caller id in "
                                        + "one change. Entries callstream cannot apply as Zammad does (a destination "
                                        + "that is a regular expression, an invalid or repeated number) are left out "
                                        + "and named in not_imported with the reason.")
                                .body(ZammadCtiConfig.class, "The JSON of Zammad's cti_config setting.")
                                .response(HttpStatus.OK, "What the site has now, and what was left out.",
                                        json(ZammadSettings.Imported.class)));
    }

    /** The admin API's failures as problem details: each violation of a change is named in {@code errors}. */
    public static ProblemMapping.Builder problems(ProblemMapping.Builder problems) {
        return problems
                .map(InvalidSiteChangeException.class, invalid -> ApiProblem.invalid(invalid.violations()))
                .map(SiteNotFoundException.class, HttpStatus.NOT_FOUND)
                .map(SiteConflictException.class, HttpStatus.CONFLICT)
                .map(SiteTooLargeException.class, tooLarge -> ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()))
                .map(SiteStoreUnavailableException.class, unavailable -> {
                    log.warn("Site change not confirmed: {}", unavailable.getMessage());
                    return ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not confirm the change in time; it "
                            + "may or may not have been applied. Read the site and retry.");
                });
    }

    private static ApiOperation operation(String id, String summary) {
        return ApiOperation.of(id, summary).tag(TAG);
    }

    /** An operation on one site: 404 when there is none. */
    private static ApiOperation site(String id, String summary) {
        return operation(id, summary)
                .pathParameter("siteId", "The site's id.")
                .problem(HttpStatus.NOT_FOUND, "No site has this id.");
    }

    /** A change of one site: also 400 for invalid values and 503 when Kafka did not confirm it. */
    private static ApiOperation change(String id, String summary) {
        return site(id, summary)
                .problem(HttpStatus.BAD_REQUEST, "Invalid values, each named in errors.")
                .problem(HttpStatus.CONTENT_TOO_LARGE, "The site would be larger than the sites topic takes.")
                .problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not confirm the change in time; read the site and retry.");
    }
}
