package io.callstream.ingress.admin;

import java.util.List;
import java.util.concurrent.Callable;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The admin API: sites, their tokens and their rules. Every change is written to the sites topic
 * and answered once this instance serves it; other instances follow within a second. Errors are
 * RFC 9457 problem details.
 */
@RestController
@RequestMapping(SiteAdminController.PATH)
@Tag(name = "sites", description = "Sites, PBX tokens, block lists and caller-id routing")
@SecurityRequirement(name = "admin-token")
public class SiteAdminController {

    public static final String PATH = "/api/v1/admin/sites";

    private final SiteAdministration administration;
    private final Scheduler blocking;

    public SiteAdminController(SiteAdministration administration, Scheduler adminScheduler) {
        this.administration = administration;
        this.blocking = adminScheduler;
    }

    @GetMapping
    @Operation(summary = "List the sites")
    public Mono<List<AdminApi.SiteView>> sites() {
        return offLoop(administration::sites);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a site", description = "The answer holds the site's PBX token; it is shown only now.")
    public Mono<AdminApi.SiteWithToken> create(@RequestBody AdminApi.NewSite site) {
        return offLoop(() -> administration.create(site));
    }

    @GetMapping("/{siteId}")
    @Operation(summary = "Get a site")
    public Mono<AdminApi.SiteView> site(@PathVariable String siteId) {
        return offLoop(() -> administration.site(siteId));
    }

    @PutMapping("/{siteId}")
    @Operation(summary = "Replace a site's settings (display name, enabled, country code, time zone, service-level threshold)")
    public Mono<AdminApi.SiteView> update(@PathVariable String siteId, @RequestBody AdminApi.SiteSettings settings) {
        return offLoop(() -> administration.updateSettings(siteId, settings));
    }

    @PostMapping("/{siteId}/disable")
    @Operation(summary = "Disable a site", description = "Its PBX requests get Zammad's 'Feature is disabled' (422).")
    public Mono<AdminApi.SiteView> disable(@PathVariable String siteId) {
        return offLoop(() -> administration.setEnabled(siteId, false));
    }

    @PostMapping("/{siteId}/enable")
    @Operation(summary = "Enable a site")
    public Mono<AdminApi.SiteView> enable(@PathVariable String siteId) {
        return offLoop(() -> administration.setEnabled(siteId, true));
    }

    @PostMapping("/{siteId}/token")
    @Operation(summary = "Rotate a site's PBX token", description = "The old token stops working on every instance.")
    public Mono<AdminApi.SiteWithToken> rotateToken(@PathVariable String siteId) {
        return offLoop(() -> administration.rotateToken(siteId));
    }

    @GetMapping("/{siteId}/block-list")
    @Operation(summary = "Get the inbound block list")
    public Mono<List<AdminApi.BlockEntry>> blockList(@PathVariable String siteId) {
        return offLoop(() -> administration.blockList(siteId));
    }

    @PutMapping("/{siteId}/block-list")
    @Operation(summary = "Replace the inbound block list")
    public Mono<List<AdminApi.BlockEntry>> replaceBlockList(@PathVariable String siteId,
            @RequestBody List<AdminApi.BlockEntry> entries) {
        return offLoop(() -> administration.replaceBlockList(siteId, entries));
    }

    @PostMapping("/{siteId}/block-list")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add one caller to the block list")
    public Mono<AdminApi.BlockEntry> addBlockEntry(@PathVariable String siteId, @RequestBody AdminApi.BlockEntry entry) {
        return offLoop(() -> administration.addBlockEntry(siteId, entry));
    }

    @DeleteMapping("/{siteId}/block-list/{callerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove one caller from the block list", description = "The caller id is compared normalised.")
    public Mono<Void> removeBlockEntry(@PathVariable String siteId, @PathVariable String callerId) {
        return offLoop(() -> {
            administration.removeBlockEntry(siteId, callerId);
            return true;
        }).then();
    }

    @GetMapping("/{siteId}/routing")
    @Operation(summary = "Get the outbound caller-id routing table")
    public Mono<List<AdminApi.RoutingRow>> routing(@PathVariable String siteId) {
        return offLoop(() -> administration.routing(siteId));
    }

    @PutMapping("/{siteId}/routing")
    @Operation(summary = "Replace the routing table", description = "Rows in priority order: the first match wins.")
    public Mono<List<AdminApi.RoutingRow>> replaceRouting(@PathVariable String siteId,
            @RequestBody List<AdminApi.RoutingRow> rows) {
        return offLoop(() -> administration.replaceRouting(siteId, rows));
    }

    @PostMapping("/{siteId}/routing")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add one routing row", description = "Appended, or inserted at ?position= (0 is first).")
    public Mono<AdminApi.RoutingRow> addRoute(@PathVariable String siteId, @RequestBody AdminApi.RoutingRow row,
            @RequestParam(required = false) Integer position) {
        return offLoop(() -> administration.addRoute(siteId, row, position));
    }

    @DeleteMapping("/{siteId}/routing/{dest}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the routing row of a destination pattern")
    public Mono<Void> removeRoute(@PathVariable String siteId, @PathVariable String dest) {
        return offLoop(() -> {
            administration.removeRoute(siteId, dest);
            return true;
        }).then();
    }

    @GetMapping("/{siteId}/default-caller-id")
    @Operation(summary = "Get the default outbound caller id")
    public Mono<AdminApi.DefaultCallerId> defaultCallerId(@PathVariable String siteId) {
        return offLoop(() -> administration.defaultCallerId(siteId));
    }

    @PutMapping("/{siteId}/default-caller-id")
    @Operation(summary = "Set the default outbound caller id", description = "Empty or missing: no rewrite.")
    public Mono<AdminApi.DefaultCallerId> setDefaultCallerId(@PathVariable String siteId,
            @RequestBody AdminApi.DefaultCallerId callerId) {
        return offLoop(() -> administration.setDefaultCallerId(siteId, callerId));
    }

    /** Changes wait for Kafka; that waiting must not happen on an event loop. */
    private <T> Mono<T> offLoop(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(blocking);
    }
}
