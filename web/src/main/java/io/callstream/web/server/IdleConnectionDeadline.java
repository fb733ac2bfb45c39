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
 *
 * <p>A request only stamps a field; one timer per connection looks at the stamp when it fires and
 * sets itself again for the time that is left (as Netty's {@code IdleStateHandler} does), so there is
 * no timer to schedule and cancel per request.
 */
final class IdleConnectionDeadline extends ChannelDuplexHandler {

    static final String NAME = "callstream.idleConnectionDeadline";

    private final long timeoutNanos;
    private final Counter closedIdle;
    private ScheduledFuture<?> check;
    /** Requests read and not answered yet; the connection waits for a request head only at zero. */
    private int unanswered;
    private long waitingSince;

    IdleConnectionDeadline(Duration timeout, Counter closedIdle) {
        this.timeoutNanos = timeout.toNanos();
        this.closedIdle = closedIdle;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        waitingSince = System.nanoTime();
        checkIn(ctx, timeoutNanos);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            unanswered++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && !isInterim(msg) && unanswered > 0 && --unanswered == 0) {
            waitingSince = System.nanoTime();
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    private void checkIn(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (unanswered > 0) {
            checkIn(ctx, timeoutNanos);
            return;
        }
        long left = timeoutNanos - (System.nanoTime() - waitingSince);
        if (left > 0) {
            checkIn(ctx, left);
            return;
        }
        closedIdle.increment();
        ctx.close();
    }

    /** A {@code 100 Continue} is not the answer: the request goes on. */
    private static boolean isInterim(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }
}
