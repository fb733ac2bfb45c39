package io.callstream.web.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.callstream.web.logging.SecretMasking;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.slf4j.LoggerFactory;

/**
 * What a server does with requests its HTTP decoder could not read (a header or line too long, a
 * bare LF, a bad Content-Length or chunk size, an unsupported HTTP version): the JSON answer, a
 * counter by reason ({@code callstream_http_malformed_requests_total}), and one masked log line per
 * interval at most. Shared by all connections of a server.
 */
final class MalformedRequests {

    private static final int MAX_DETAIL = 200;

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final RateLimitedLog log;

    MalformedRequests(HttpServerLimits limits, MeterRegistry meters) {
        this.meters = meters;
        this.log = new RateLimitedLog(LoggerFactory.getLogger(MalformedRequests.class), limits.warningInterval());
    }

    /** The status a request that failed to decode is answered with, as Reactor Netty would choose it. */
    static HttpResponseStatus statusFor(Throwable failure) {
        if (failure instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (failure instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (failure instanceof TooLongFrameException) {
            return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    /** A JSON answer in the CTI endpoint's error shape, after which the connection closes. */
    static FullHttpResponse answer(HttpResponseStatus status, String error) {
        byte[] body = ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.US_ASCII);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    /**
     * Counts and (rate-limited) logs one refused request.
     *
     * @param reason a short, bounded tag: the decoder's exception class or a fixed word
     * @param path   the request's path as far as it was read, masked before it is logged
     */
    void record(String reason, int status, String detail, Object remoteAddress, String path) {
        counters.computeIfAbsent(reason, tag -> Counter.builder("callstream.http.malformed.requests")
                .description("Requests refused because they could not be read as HTTP/1.x, by reason")
                .tag("reason", tag)
                .register(meters)).increment();
        log.warn("Malformed HTTP request refused with " + status + " (" + oneLine(reason + ": " + detail) + ") from "
                + remoteAddress + " for " + oneLine(SecretMasking.mask(pathOnly(path))));
    }

    private static String pathOnly(String uri) {
        if (uri == null) {
            return "-";
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** Client-controlled text in a log line: no line breaks or other control characters, bounded. */
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_DETAIL));
        for (int i = 0; i < text.length() && line.length() < MAX_DETAIL; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > MAX_DETAIL ? line + "..." : line.toString();
    }
}
