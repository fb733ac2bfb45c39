package io.callstream.ingress.cti;

import java.time.Clock;
import java.time.Instant;

import io.callstream.ingress.observability.CtiMetrics;
import io.callstream.ingress.publish.CtiEvents;
import io.callstream.ingress.publish.EventNotPublishedException;
import io.callstream.ingress.publish.StoreAndForward;
import io.callstream.ingress.request.CtiRequest;
import io.callstream.ingress.request.CtiRequestParser;
import io.callstream.ingress.request.InvalidCtiRequestException;
import io.callstream.ingress.request.MalformedRequestException;
import io.callstream.sites.rules.Decision;
import io.callstream.sites.SiteCatalog;
import io.callstream.web.server.TransportFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/cti/{token}} behind the {@link SiteTokenGuard}: read and validate the event,
 * decide from the site's rules, store the event, answer. The 200 is sent only after the event is stored
 * durably: acknowledged by Kafka, or on disk in the spool. Every failure of ours becomes a JSON answer here; a request that ended in the transport
 * (client gone, body too slow) has no one left to answer and is left to the web layer to count.
 */
public final class CtiHandler {

    private static final Logger log = LoggerFactory.getLogger(CtiHandler.class);

    private final CtiRequestReader reader;
    private final CtiRequestParser parser;
    private final StoreAndForward publisher;
    private final CtiReplies replies;
    private final CtiMetrics metrics;
    private final Clock clock;

    public CtiHandler(CtiRequestReader reader, CtiRequestParser parser, StoreAndForward publisher,
            CtiReplies replies, CtiMetrics metrics, Clock clock) {
        this.reader = reader;
        this.parser = parser;
        this.publisher = publisher;
        this.replies = replies;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        Instant receivedAt = clock.instant();
        return reply(request, receivedAt)
                .onErrorResume(failure -> !TransportFailures.isTransportFailure(failure), this::failureReply)
                .doOnNext(metrics::record)
                .flatMap(CtiReply::write);
    }

    /** Any other method on the CTI path: 405 in Zammad's error shape. */
    public Mono<ServerResponse> methodNotAllowed(ServerRequest request) {
        CtiReply reply = replies.methodNotAllowed();
        metrics.record(reply);
        return reply.response().header("Allow", "POST").bodyValue(reply.body());
    }

    private Mono<CtiReply> reply(ServerRequest request, Instant receivedAt) {
        SiteCatalog.Entry site = SiteTokenGuard.site(request);
        return reader.read(request)
                .map(parser::parse)
                .flatMap(cti -> decideAndPublish(site, cti, receivedAt));
    }

    private Mono<CtiReply> decideAndPublish(SiteCatalog.Entry site, CtiRequest cti, Instant receivedAt) {
        String siteId = site.site().id();
        Decision decision = site.rules().decide(cti.event(), cti.direction(), cti.from(), cti.to());
        return publisher.store(CtiEvents.of(site, cti, decision, receivedAt))
                .thenReturn(replies.accepted(cti.event(), decision))
                .onErrorResume(EventNotPublishedException.class, e -> {
                    log.warn("CTI event of site {} not published: {}", siteId, e.getMessage());
                    return Mono.just(replies.notPublished(cti.event()));
                });
    }

    private Mono<CtiReply> failureReply(Throwable failure) {
        if (failure instanceof InvalidCtiRequestException invalid) {
            return Mono.just(replies.invalidRequest(invalid.violations()));
        }
        if (failure instanceof MalformedRequestException malformed) {
            return Mono.just(replies.malformed(malformed.getMessage()));
        }
        if (failure instanceof PayloadTooLargeException) {
            return Mono.just(replies.tooLarge(reader.maxBodyBytes()));
        }
        log.error("CTI request failed unexpectedly", failure);
        return Mono.just(replies.internalError());
    }

}
