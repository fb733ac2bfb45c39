package io.callstream.web.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Closes a connection that has not delivered a complete request head within the idle timeout of
 * opening or of its last answer. Unlike a read-idle timer, a client that sends its headers one byte
 * at a time does not reset it. Sits after the HTTP codec: it sees decoded requests and responses.
 */
final class IdleConnectionDeadline extends ChannelDuplexHandler {

    static final String NAME = "callstream.idleConnectionDeadline";

    private final long timeoutNanos;
    private final Counter closedIdle;
    private ScheduledFuture<?> deadline;
    private int unanswered;

    IdleConnectionDeadline(Duration timeout, Counter closedIdle) {
        this.timeoutNanos = timeout.toNanos();
        this.closedIdle = closedIdle;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            unanswered++;
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && !isInterim(msg)) {
            ChannelPromise written = promise.unvoid();
            written.addListener(done -> answered(ctx));
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    private void answered(ChannelHandlerContext ctx) {
        if (unanswered > 0) {
            unanswered--;
        }
        if (unanswered == 0 && ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        deadline = ctx.executor().schedule(() -> {
            closedIdle.increment();
            ctx.close();
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    /** A {@code 100 Continue} is not the answer: the request goes on. */
    private static boolean isInterim(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }
}
