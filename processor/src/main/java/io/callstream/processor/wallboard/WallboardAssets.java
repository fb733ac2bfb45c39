package io.callstream.processor.wallboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;

/**
 * The wallboard's files, read from the jar once: the page, its script and style, and Chart.js from
 * its WebJar (whichever version the build put on the classpath). Nothing is read from a path a
 * request names: a request picks one of these by name or gets a 404.
 */
public final class WallboardAssets {

    static final String PAGE = "index.html";
    private static final String OWN_FILES = "classpath:io/callstream/processor/wallboard/";
    private static final String CHART_JS = "classpath*:META-INF/resources/webjars/chart.js/*/dist/chart.umd.min.js";
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    /** One file: its bytes, its type, and an entity tag that changes with its content. */
    record Asset(byte[] content, MediaType type, String etag) {
    }

    private final Map<String, Asset> assets;

    private WallboardAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    public static WallboardAssets fromClasspath() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        return new WallboardAssets(Map.of(
                PAGE, asset(resolver.getResource(OWN_FILES + PAGE), HTML),
                "wallboard.js", asset(resolver.getResource(OWN_FILES + "wallboard.js"), JAVASCRIPT),
                "wallboard.css", asset(resolver.getResource(OWN_FILES + "wallboard.css"), CSS),
                "chart.umd.min.js", asset(chartJs(resolver), JAVASCRIPT)));
    }

    Optional<Asset> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static Resource chartJs(PathMatchingResourcePatternResolver resolver) {
        try {
            Resource[] found = resolver.getResources(CHART_JS);
            if (found.length == 0) {
                throw new IllegalStateException("Chart.js is not on the classpath (org.webjars.npm:chart.js)");
            }
            return found[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Asset asset(Resource resource, MediaType type) {
        try (InputStream in = resource.getInputStream()) {
            byte[] content = in.readAllBytes();
            return new Asset(content, type, '"' + HexFormat.of().formatHex(sha256(content), 0, 12) + '"');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the wallboard's " + resource.getDescription(), e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
