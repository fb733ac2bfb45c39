package io.callstream.ingress.cti;

import java.util.Optional;

import io.callstream.ingress.observability.CtiMetrics;
import io.callstream.sites.SiteCatalog;
import io.callstream.sites.Sites;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The site-token guard of the PBX endpoint: the token in the path must be an enabled site's, or the
 * PBX gets Zammad's answer (401 invalid token, 422 disabled; 503 before the sites are loaded). The
 * site found travels with the request to the handler ({@link #site(ServerRequest)}).
 */
public final class SiteTokenGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String SITE = SiteTokenGuard.class.getName() + ".site";

    private final Sites sites;
    private final CtiReplies replies;
    private final CtiMetrics metrics;

    public SiteTokenGuard(Sites sites, CtiReplies replies, CtiMetrics metrics) {
        this.sites = sites;
        this.replies = replies;
        this.metrics = metrics;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        SiteCatalog catalog = sites.current();
        if (!catalog.ready()) {
            return refuse(replies.notReady());
        }
        Optional<SiteCatalog.Entry> site = catalog.findByToken(request.pathVariable("token"));
        if (site.isEmpty()) {
            return refuse(replies.invalidToken());
        }
        if (!site.get().site().enabled()) {
            return refuse(replies.siteDisabled());
        }
        request.attributes().put(SITE, site.get());
        return next.handle(request);
    }

    /** The site whose token the guard accepted. */
    static SiteCatalog.Entry site(ServerRequest request) {
        return (SiteCatalog.Entry) request.attribute(SITE)
                .orElseThrow(() -> new IllegalStateException("the CTI route is not behind the site-token guard"));
    }

    private Mono<ServerResponse> refuse(CtiReply reply) {
        metrics.record(reply);
        return reply.write();
    }
}
