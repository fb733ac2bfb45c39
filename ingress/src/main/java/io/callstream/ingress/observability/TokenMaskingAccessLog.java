package io.callstream.ingress.observability;

import java.util.regex.Pattern;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.logging.AccessLog;

/**
 * Reactor Netty's access log (logger {@code reactor.netty.http.server.AccessLog}) with the PBX
 * token masked: the token is a path segment and would otherwise end up in every log line.
 */
public final class TokenMaskingAccessLog implements NettyServerCustomizer {

    private static final Pattern CTI_TOKEN = Pattern.compile("(/api/v1/cti/)[^/?]+");
    private static final String FORMAT = "{} - \"{} {} {}\" {} {} {}ms";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.accessLog(true, args -> AccessLog.create(FORMAT,
                args.connectionInformation() == null ? "-" : args.connectionInformation().remoteAddress(),
                args.method(), maskToken(args.uri()), args.protocol(), args.status(), args.contentLength(),
                args.duration()));
    }

    /** {@code /api/v1/cti/secret?x=1} becomes {@code /api/v1/cti/***?x=1}. */
    public static String maskToken(CharSequence uri) {
        return uri == null ? null : CTI_TOKEN.matcher(uri).replaceFirst("$1***");
    }
}
