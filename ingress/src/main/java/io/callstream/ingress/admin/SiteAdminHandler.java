package io.callstream.ingress.admin;

import java.util.List;
import java.util.concurrent.Callable;

import io.callstream.web.api.Violation;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The admin API's handlers: sites, their tokens and their rules ({@link AdminRoutes}). Every change
 * is written to the sites topic and answered once this instance serves it; other instances follow
 * within a second.
 */
public final class SiteAdminHandler {

    private static final ParameterizedTypeReference<List<AdminApi.BlockEntry>> BLOCK_ENTRIES =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<AdminApi.RoutingRow>> ROUTING_ROWS =
            new ParameterizedTypeReference<>() {
            };

    private final SiteAdministration administration;
    private final ZammadSettings zammadSettings;
    private final SiteForwarding forwarding;
    private final Scheduler blocking;

    public SiteAdminHandler(SiteAdministration administration, ZammadSettings zammadSettings, SiteForwarding forwarding,
            Scheduler adminScheduler) {
        this.administration = administration;
        this.zammadSettings = zammadSettings;
        this.forwarding = forwarding;
        this.blocking = adminScheduler;
    }

    Mono<ServerResponse> sites(ServerRequest request) {
        return ok(administration::sites);
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return body(request, AdminApi.NewSite.class).flatMap(site -> created(() -> administration.create(site)));
    }

    Mono<ServerResponse> site(ServerRequest request) {
        return ok(() -> administration.site(siteId(request)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        return body(request, AdminApi.SiteSettings.class)
                .flatMap(settings -> ok(() -> administration.updateSettings(siteId(request), settings)));
    }

    Mono<ServerResponse> disable(ServerRequest request) {
        return ok(() -> administration.setEnabled(siteId(request), false));
    }

    Mono<ServerResponse> enable(ServerRequest request) {
        return ok(() -> administration.setEnabled(siteId(request), true));
    }

    Mono<ServerResponse> rotateToken(ServerRequest request) {
        return ok(() -> administration.rotateToken(siteId(request)));
    }

    Mono<ServerResponse> blockList(ServerRequest request) {
        return ok(() -> administration.blockList(siteId(request)));
    }

    Mono<ServerResponse> replaceBlockList(ServerRequest request) {
        return body(request, BLOCK_ENTRIES)
                .flatMap(entries -> ok(() -> administration.replaceBlockList(siteId(request), entries)));
    }

    Mono<ServerResponse> addBlockEntry(ServerRequest request) {
        return body(request, AdminApi.BlockEntry.class)
                .flatMap(entry -> created(() -> administration.addBlockEntry(siteId(request), entry)));
    }

    Mono<ServerResponse> removeBlockEntry(ServerRequest request) {
        return noContent(() -> administration.removeBlockEntry(siteId(request), request.pathVariable("callerId")));
    }

    Mono<ServerResponse> routing(ServerRequest request) {
        return ok(() -> administration.routing(siteId(request)));
    }

    Mono<ServerResponse> replaceRouting(ServerRequest request) {
        return body(request, ROUTING_ROWS).flatMap(rows -> ok(() -> administration.replaceRouting(siteId(request), rows)));
    }

    Mono<ServerResponse> addRoute(ServerRequest request) {
        Integer position = position(request);
        return body(request, AdminApi.RoutingRow.class)
                .flatMap(row -> created(() -> administration.addRoute(siteId(request), row, position)));
    }

    Mono<ServerResponse> removeRoute(ServerRequest request) {
        return noContent(() -> administration.removeRoute(siteId(request), request.pathVariable("dest")));
    }

    Mono<ServerResponse> defaultCallerId(ServerRequest request) {
        return ok(() -> administration.defaultCallerId(siteId(request)));
    }

    Mono<ServerResponse> setDefaultCallerId(ServerRequest request) {
        return body(request, AdminApi.DefaultCallerId.class)
                .flatMap(callerId -> ok(() -> administration.setDefaultCallerId(siteId(request), callerId)));
    }

    Mono<ServerResponse> importZammadSettings(ServerRequest request) {
        return body(request, ZammadCtiConfig.class)
                .flatMap(config -> ok(() -> zammadSettings.importInto(siteId(request), config)));
    }

    Mono<ServerResponse> exportZammadSettings(ServerRequest request) {
        return ok(() -> zammadSettings.export(siteId(request)));
    }

    Mono<ServerResponse> forwarding(ServerRequest request) {
        return ok(() -> forwarding.get(siteId(request)));
    }

    Mono<ServerResponse> setForwarding(ServerRequest request) {
        return body(request, SiteForwarding.Target.class).flatMap(target -> ok(() -> forwarding.set(siteId(request), target)));
    }

    Mono<ServerResponse> removeForwarding(ServerRequest request) {
        return noContent(() -> forwarding.remove(siteId(request)));
    }

    private static String siteId(ServerRequest request) {
        return request.pathVariable("siteId");
    }

    private static Integer position(ServerRequest request) {
        String position = request.queryParam("position").orElse(null);
        if (position == null) {
            return null;
        }
        try {
            return Integer.valueOf(position);
        } catch (NumberFormatException e) {
            throw new InvalidSiteChangeException(List.of(new Violation("position", "must be a whole number")));
        }
    }

    private static <T> Mono<T> body(ServerRequest request, Class<T> type) {
        return required(request.bodyToMono(type));
    }

    private static <T> Mono<T> body(ServerRequest request, ParameterizedTypeReference<T> type) {
        return required(request.bodyToMono(type));
    }

    private static <T> Mono<T> required(Mono<T> body) {
        return body.switchIfEmpty(Mono.error(() -> new ServerWebInputException("A JSON body is required.")));
    }

    private Mono<ServerResponse> ok(Callable<?> change) {
        return offLoop(change).flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(result));
    }

    private Mono<ServerResponse> created(Callable<?> change) {
        return offLoop(change).flatMap(result -> ServerResponse.status(HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(result));
    }

    private Mono<ServerResponse> noContent(Runnable change) {
        return offLoop(() -> {
            change.run();
            return true;
        }).then(ServerResponse.noContent().build());
    }

    /** Changes wait for Kafka; that waiting must not happen on an event loop. */
    private <T> Mono<T> offLoop(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(blocking);
    }
}
