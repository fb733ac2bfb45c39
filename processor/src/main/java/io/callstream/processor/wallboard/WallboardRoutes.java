package io.callstream.processor.wallboard;

import static io.callstream.web.api.ApiOperation.content;

import io.callstream.web.api.ApiOperation;
import io.callstream.web.api.ApiProblem;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /wallboard}: the supervisors' page and its files. Public, as a sign-in page is: the
 * files hold no data, and the page asks for the API token before it reads any.
 */
public final class WallboardRoutes {

    static final String PATH = "/wallboard";
    /** Everything the page loads comes from this origin; the token is sent only to its API. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final WallboardAssets assets;

    private WallboardRoutes(WallboardAssets assets) {
        this.assets = assets;
    }

    public static ApiRoutes.Builder addTo(ApiRoutes.Builder routes, WallboardAssets assets) {
        WallboardRoutes wallboard = new WallboardRoutes(assets);
        return routes
                .GET(PATH, Guard.PUBLIC, wallboard::page, ApiOperation.of("getWallboard",
                                "The supervisors' wallboard (an HTML page; it asks for the API token)").tag("wallboard")
                        .response(HttpStatus.OK, "The page.", content("text/html", String.class)))
                .GET(PATH + "/{file}", Guard.PUBLIC, wallboard::file, ApiOperation.of("getWallboardFile",
                                "A file of the wallboard page (its script, its style, Chart.js)").tag("wallboard")
                        .pathParameter("file", "wallboard.js, wallboard.css or chart.umd.min.js.")
                        .response(HttpStatus.OK, "The file.", content("text/javascript", String.class),
                                content("text/css", String.class))
                        .problem(HttpStatus.NOT_FOUND, "Not a file of the wallboard."));
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        return serve(request, WallboardAssets.PAGE);
    }

    private Mono<ServerResponse> file(ServerRequest request) {
        String name = request.pathVariable("file");
        return name.equals(WallboardAssets.PAGE) ? notFound(name) : serve(request, name);
    }

    private Mono<ServerResponse> serve(ServerRequest request, String name) {
        return assets.asset(name)
                .map(asset -> request.checkNotModified(asset.etag())
                        .switchIfEmpty(ServerResponse.ok().contentType(asset.type()).eTag(asset.etag())
                                .cacheControl(CacheControl.noCache())
                                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                                .header("X-Content-Type-Options", "nosniff")
                                .header("Referrer-Policy", "no-referrer")
                                .bodyValue(asset.content())))
                .orElseGet(() -> notFound(name));
    }

    private static Mono<ServerResponse> notFound(String name) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "The wallboard has no file " + name + ".").respond();
    }
}
