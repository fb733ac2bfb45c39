package io.callstream.web.server;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.LoggerFactory;

/**
 * Caps the open connections of one server. The connection over the cap gets a 503 with a JSON body
 * straight away, before anything of its request is decoded, and is closed a moment later (closing
 * at once, with its request unread, would reset the connection and lose the answer).
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    static final String NAME = "callstream.connectionLimit";

    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("callstream.refused");
    private static final byte[] BODY = "{\"error\":\"Too many connections, please retry later.\"}"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REFUSAL = ("HTTP/1.1 503 Service Unavailable\r\n"
            + "content-type: application/json\r\n"
            + "content-length: " + BODY.length + "\r\n"
            + "retry-after: 1\r\n"
            + "connection: close\r\n\r\n"
            + new String(BODY, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
    private static final long LINGER_MS = 1_000;

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter refused;
    private final RateLimitedLog log;

    ConnectionLimit(HttpServerLimits limits, MeterRegistry meters) {
        this.maxConnections = limits.maxConnections();
        this.refused = Counter.builder("callstream.http.connections.refused")
                .description("Connections answered 503 because the server had max-connections open")
                .register(meters);
        Gauge.builder("callstream.http.connections.open", open, AtomicInteger::get)
                .description("Open HTTP connections")
                .register(meters);
        this.log = new RateLimitedLog(LoggerFactory.getLogger(ConnectionLimit.class), limits.warningInterval());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() <= maxConnections) {
            ctx.fireChannelActive();
            return;
        }
        refused.increment();
        log.warn("Connection refused with 503: " + maxConnections + " connections are open (callstream.http.max-connections)");
        ctx.channel().attr(REFUSED).set(true);
        // Read and drop what the client sends, so that the answer is not lost in a reset.
        ctx.channel().config().setAutoRead(true);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(REFUSAL))
                .addListener(written -> ctx.executor().schedule(() -> ctx.close(), LINGER_MS, TimeUnit.MILLISECONDS));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (isRefused(ctx)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        if (!isRefused(ctx)) {
            ctx.fireChannelInactive();
        }
    }

    private static boolean isRefused(ChannelHandlerContext ctx) {
        return Boolean.TRUE.equals(ctx.channel().attr(REFUSED).get());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isRefused(ctx)) {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
