package io.callstream.ingress.request;

import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.Part;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a {@code multipart/form-data} body (Zammad's {@code curl --form} samples). The body was
 * already read within the size limit, so parts are parsed in memory and never touch the disk;
 * every named part, file or not, is one parameter with its content as text.
 */
public final class MultipartBody {

    private static final int MAX_PARTS = 200;

    private final DefaultPartHttpMessageReader reader = new DefaultPartHttpMessageReader();

    public MultipartBody(int maxBodyBytes) {
        reader.setMaxInMemorySize(maxBodyBytes);
        reader.setMaxParts(MAX_PARTS);
    }

    public Mono<CtiParameters> parse(byte[] body, MediaType contentType) {
        ReactiveHttpInputMessage message = new InMemoryMessage(body, contentType);
        return reader.read(ResolvableType.forClass(Part.class), message, Map.of())
                .filter(MultipartBody::hasName)
                .concatMap(MultipartBody::nameAndValue)
                .collect(CtiParameters::builder, (parameters, entry) -> parameters.add(entry.getKey(), entry.getValue()))
                .map(CtiParameters.Builder::build)
                .onErrorMap(DecodingException.class,
                        e -> new MalformedRequestException("Malformed multipart body: " + e.getMessage()));
    }

    /** A part without a name in its Content-Disposition names no parameter: it is skipped. */
    private static boolean hasName(Part part) {
        String name = part.headers().getContentDisposition().getName();
        if (name == null) {
            // Its content is released unread; a broken body fails the whole request, not this part.
            part.content().doOnNext(DataBufferUtils::release).onErrorComplete().subscribe();
            return false;
        }
        return true;
    }

    private static Mono<Map.Entry<String, String>> nameAndValue(Part part) {
        return DataBufferUtils.join(part.content())
                .map(buffer -> Utf8Text.decode(DataBuffers.drain(buffer)))
                .defaultIfEmpty("")
                .map(value -> Map.entry(part.name(), value));
    }

    private record InMemoryMessage(byte[] body, MediaType contentType) implements ReactiveHttpInputMessage {

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(contentType);
            headers.setContentLength(body.length);
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }
}
