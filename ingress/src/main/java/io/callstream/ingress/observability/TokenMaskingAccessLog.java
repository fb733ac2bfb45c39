package io.callstream.ingress.observability;

import io.callstream.web.logging.SecretMasking;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.logging.AccessLog;

/**
 * Reactor Netty's access log (logger {@code reactor.netty.http.server.AccessLog}) with the PBX
 * token masked: the token is a path segment and would otherwise end up in every log line.
 */
public final class TokenMaskingAccessLog implements NettyServerCustomizer {

    private static final String FORMAT = "{} - \"{} {} {}\" {} {} {}ms";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.accessLog(true, args -> AccessLog.create(FORMAT,
                args.connectionInformation() == null ? "-" : args.connectionInformation().remoteAddress(),
                args.method(), SecretMasking.mask(args.uri() == null ? null : args.uri().toString()), args.protocol(),
                args.status(), args.contentLength(), args.duration()));
    }
}
