package io.callstream.web.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers what the HTTP decoder could not read before the framework sees it, so that no framework
 * error path (and its log line with the request path, hence a site token) is ever taken: a request
 * head that failed to decode or speaks another HTTP version gets a JSON 4xx/505 and the connection
 * closes; a body that fails to decode (a bad chunk) gets a 400 if nothing was answered yet, and the
 * connection closes. Sits right after the HTTP codec, one instance per connection.
 */
final class MalformedRequestGuard extends ChannelDuplexHandler {

    static final String NAME = "callstream.malformedRequestGuard";

    private final MalformedRequests malformed;
    private String path;
    private boolean answered;
    /** Once a request was refused the connection is closing: what the decoder still emits is dropped. */
    private boolean closing;

    MalformedRequestGuard(MalformedRequests malformed) {
        this.malformed = malformed;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            path = request.uri();
            answered = false;
            if (request.decoderResult().isFailure()) {
                refuse(ctx, msg, request.decoderResult().cause());
                return;
            }
            if (request.protocolVersion().majorVersion() != 1) {
                ReferenceCountUtil.release(msg);
                reply(ctx, "unsupported_http_version", HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
                        request.protocolVersion().text(), "HTTP version not supported: use HTTP/1.1.");
                return;
            }
        } else if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
            refuse(ctx, msg, decoded.decoderResult().cause());
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            answered = true;
        }
        ctx.write(msg, promise);
    }

    private void refuse(ChannelHandlerContext ctx, Object msg, Throwable failure) {
        ReferenceCountUtil.release(msg);
        if (failure instanceof PrematureChannelClosureException) {
            // The connection closed before the request was complete (the client left, or the idle
            // deadline closed it): nothing malformed, and no one to answer.
            return;
        }
        HttpResponseStatus status = MalformedRequests.statusFor(failure);
        reply(ctx, failure.getClass().getSimpleName(), status, String.valueOf(failure.getMessage()),
                status.reasonPhrase() + ": the request could not be read as HTTP.");
    }

    private void reply(ChannelHandlerContext ctx, String reason, HttpResponseStatus status, String detail, String error) {
        closing = true;
        malformed.record(reason, status.code(), detail, ctx.channel().remoteAddress(), path);
        if (answered) {
            ctx.close();
            return;
        }
        answered = true;
        ctx.writeAndFlush(MalformedRequests.answer(status, error)).addListener(ChannelFutureListener.CLOSE);
    }
}
