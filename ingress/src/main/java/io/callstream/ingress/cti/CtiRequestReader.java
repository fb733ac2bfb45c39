package io.callstream.ingress.cti;

import io.callstream.ingress.request.CtiParameters;
import io.callstream.ingress.request.FormUrlEncoded;
import io.callstream.ingress.request.JsonBody;
import io.callstream.ingress.request.MultipartBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Reads the parameters of a CTI request in every encoding Zammad accepts: a form body (also
 * without any Content-Type, as the Asterisk bridge sends it), JSON, multipart, and query
 * parameters, which win over body parameters of the same name. A body of any other declared type
 * (text/plain, say) is read as a form, the encoding nearly every PBX bridge uses; a wildcard or
 * unparseable type counts as none. What does not parse as a form is a 400. The body is kept up to
 * the size limit, in memory ({@link BodyCollector} says what happens to the rest).
 */
public final class CtiRequestReader {

    private static final int DRAIN_FACTOR = 16;

    private final int maxBodyBytes;
    private final JsonBody json;
    private final MultipartBody multipart;

    public CtiRequestReader(int maxBodyBytes, JsonBody json) {
        this.maxBodyBytes = maxBodyBytes;
        this.json = json;
        this.multipart = new MultipartBody(maxBodyBytes);
    }

    public Mono<CtiParameters> read(ServerRequest request) {
        if (request.headers().contentLength().orElse(0) > drainLimitBytes()) {
            return Mono.error(new PayloadTooLargeException());
        }
        CtiParameters query = FormUrlEncoded.parse(request.uri().getRawQuery());
        return body(request)
                .flatMap(body -> decode(body, contentType(request)))
                .map(parameters -> parameters.overriddenBy(query));
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    private Mono<byte[]> body(ServerRequest request) {
        return request.body(BodyExtractors.toDataBuffers())
                .collect(() -> new BodyCollector(maxBodyBytes, drainLimitBytes()), BodyCollector::add)
                .map(BodyCollector::body);
    }

    /** A body up to this size is read to its end even when it is over the limit, so that its 413 arrives. */
    private long drainLimitBytes() {
        return (long) maxBodyBytes * DRAIN_FACTOR;
    }

    private Mono<CtiParameters> decode(byte[] body, MediaType contentType) {
        if (body.length == 0) {
            return Mono.just(CtiParameters.empty());
        }
        if (contentType == null) {
            // No Content-Type: Zammad reads a form; a JSON object cannot be a form, so read it as JSON.
            return Mono.fromCallable(() -> looksLikeJson(body) ? json.parse(body) : FormUrlEncoded.parse(body));
        }
        if (MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType)) {
            return multipart.parse(body, contentType);
        }
        if (isJson(contentType)) {
            return Mono.fromCallable(() -> json.parse(body));
        }
        return Mono.fromCallable(() -> FormUrlEncoded.parse(body));
    }

    /**
     * The declared type, or {@code null} when there is none or it names no concrete type (unparseable,
     * or a wildcard such as {@code *}{@code /*}): such a body is read as if no type had been sent.
     */
    private static MediaType contentType(ServerRequest request) {
        String declared = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
        if (declared == null || declared.isBlank()) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return type.isConcrete() ? type : null;
        } catch (InvalidMediaTypeException unreadable) {
            return null;
        }
    }

    private static boolean isJson(MediaType contentType) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || contentType.getSubtype().endsWith("+json");
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }
}
