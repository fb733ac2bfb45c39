package io.callstream.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;

class RefusalsReadTheBodyTest {

    private final AtomicBoolean bodyRead = new AtomicBoolean();
    private final DataBuffer body = DefaultDataBufferFactory.sharedInstance.wrap(
            "event=newCall&callId=1".getBytes(StandardCharsets.UTF_8));
    private final ServerRequest request = ServerRequest.create(MockServerWebExchange.from(MockServerHttpRequest
                    .post("/api/v1/cti/wrong-token").body(Flux.just(body).doOnComplete(() -> bodyRead.set(true)))),
            HandlerStrategies.withDefaults().messageReaders());

    @Test
    void shouldReadTheBodyOfARefusedRequestBeforeTheRefusalGoesOut() {
        RefusalsReadTheBody refusing = new RefusalsReadTheBody(
                (refused, next) -> ServerResponse.status(HttpStatus.UNAUTHORIZED).build());

        ServerResponse refusal = refusing.filter(request, passed -> ServerResponse.ok().build())
                .doOnNext(response -> assertThat(bodyRead).as("read when the refusal is ready to go").isTrue())
                .block();

        assertThat(refusal.statusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldLeaveTheBodyOfARequestTheGuardLetThroughToItsHandler() {
        RefusalsReadTheBody lettingThrough = new RefusalsReadTheBody((passed, next) -> next.handle(passed));

        ServerResponse answer = lettingThrough.filter(request, passed -> ServerResponse.accepted().build()).block();

        assertThat(answer.statusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(bodyRead).as("the handler's to read").isFalse();
    }
}
