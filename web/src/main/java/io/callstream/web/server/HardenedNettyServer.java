package io.callstream.web.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Applies {@link HttpServerLimits} to a Reactor Netty server and puts the guards into every
 * connection's pipeline: the connection cap first (before any decoding), then, right after the
 * HTTP codec, the answer to malformed requests and the idle deadline.
 */
public final class HardenedNettyServer implements NettyServerCustomizer {

    private final HttpServerLimits limits;
    private final ConnectionLimit connectionLimit;
    private final MalformedRequests malformedRequests;
    private final Counter closedIdle;

    public HardenedNettyServer(HttpServerLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.connectionLimit = new ConnectionLimit(limits, meters);
        this.malformedRequests = new MalformedRequests(limits, meters);
        this.closedIdle = Counter.builder("callstream.http.connections.idle.closed")
                .description("Connections closed because no complete request head arrived within the idle timeout")
                .register(meters);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server
                .requestTimeout(limits.bodyTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    pipeline.addFirst(ConnectionLimit.NAME, connectionLimit);
                    pipeline.addAfter(NettyPipeline.HttpCodec, MalformedRequestGuard.NAME,
                            new MalformedRequestGuard(malformedRequests));
                    pipeline.addAfter(MalformedRequestGuard.NAME, IdleConnectionDeadline.NAME,
                            new IdleConnectionDeadline(limits.idleTimeout(), closedIdle));
                });
    }
}
