package io.callstream.ingress.publish;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.callstream.ingress.spool.EventSpool;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallKey;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Topics;
import org.apache.kafka.common.serialization.Serializer;
import reactor.core.publisher.Mono;

/**
 * Stores an accepted event durably before the PBX gets its 200: in Kafka when it acknowledges
 * within the hand-over time, else in the local {@link EventSpool}, whose drainer sends it on. While
 * the spool holds events, new ones queue behind them there, so a call's events reach Kafka in the
 * order they were answered. Fails with {@link EventNotPublishedException} (503) only when neither
 * Kafka nor the spool took the event within the publish timeout.
 */
public final class StoreAndForward {

    private static final Serializer<CtiEvent> VALUES = AvroSerde.of(CtiEvent.class).serializer();

    private final CtiEventPublisher kafka;
    private final EventSpool spool;
    private final Duration publishTimeout;

    /** @param kafka publishes with the hand-over time as its timeout */
    public StoreAndForward(CtiEventPublisher kafka, EventSpool spool, Duration publishTimeout) {
        this.kafka = kafka;
        this.spool = spool;
        this.publishTimeout = publishTimeout;
    }

    public Mono<Void> store(CtiEvent event) {
        String key = new CallKey(event.getSite(), event.getCallId()).toString();
        return Mono.defer(() -> {
                    Optional<CompletableFuture<Void>> queued = spool.appendIfSpooling(key, () -> encode(event));
                    return queued.isPresent()
                            ? Mono.fromFuture(queued.get())
                            : kafka.publish(event).onErrorResume(EventNotPublishedException.class,
                                    notInKafka -> Mono.fromFuture(() -> spool.append(key, encode(event))));
                })
                .timeout(publishTimeout, Mono.error(() -> new TimeoutException("not stored within " + publishTimeout)))
                .onErrorMap(error -> !(error instanceof EventNotPublishedException), EventNotPublishedException::new);
    }

    private static byte[] encode(CtiEvent event) {
        return VALUES.serialize(Topics.CTI_EVENTS, event);
    }
}
