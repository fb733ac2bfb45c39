package io.callstream.web.server;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long and how many connections a client may hold ({@code callstream.http.*}, also as
 * environment variables such as {@code CALLSTREAM_HTTP_MAX_CONNECTIONS}). A PBX bridge posts one
 * small request at a time and never comes near these; a client that holds connections open or
 * sends slowly does, and is cut off.
 *
 * @param idleTimeout           time a connection has to deliver a complete request head after it
 *                              opened or after its previous answer (the keep-alive limit); then it
 *                              is closed. Also bounds a client that sends its headers byte by byte.
 * @param bodyTimeout           time a request has to deliver its whole body once its head arrived;
 *                              then the connection is closed
 * @param maxConnections        open connections at once; one more is answered 503 and closed
 * @param warningInterval       malformed requests and refused connections are counted in metrics and
 *                              logged at most once per interval, in one line
 */
@ConfigurationProperties("callstream.http")
public record HttpServerLimits(
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("10s") Duration bodyTimeout,
        @DefaultValue("4096") int maxConnections,
        @DefaultValue("60s") Duration warningInterval) {

    public HttpServerLimits {
        requirePositive(idleTimeout, "idle-timeout");
        requirePositive(bodyTimeout, "body-timeout");
        requirePositive(warningInterval, "warning-interval");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("callstream.http.max-connections must be at least 1");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("callstream.http." + name + " must be positive");
        }
    }
}
