package io.callstream.ingress.publish;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.callstream.ingress.eventstopic.EventsTopic;
import io.callstream.schema.CallKey;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Publishes accepted events to the events topic ({@link Topics#CTI_EVENTS} behind the deployment's prefix), keyed by call, and completes only when
 * Kafka acknowledged the write (the producer uses {@code acks=all}). Gives up after its timeout (the
 * hand-over time), so that {@link StoreAndForward} can spool the event while the PBX still waits.
 */
public final class CtiEventPublisher {

    private final KafkaTemplate<String, CtiEvent> template;
    private final EventsTopic topic;
    private final Duration timeout;
    private final Scheduler sendScheduler;
    private final Timer acknowledged;
    private final Timer failed;

    /**
     * @param sendScheduler where {@code send()} runs: the Kafka producer blocks its caller while it
     *                      has no metadata or no buffer space, and a Netty event loop must never block
     */
    public CtiEventPublisher(KafkaTemplate<String, CtiEvent> template, EventsTopic topic, Duration timeout,
            Scheduler sendScheduler, MeterRegistry meters) {
        this.template = template;
        this.topic = topic;
        this.timeout = timeout;
        this.sendScheduler = sendScheduler;
        this.acknowledged = publishTimer(meters, "acknowledged");
        this.failed = publishTimer(meters, "failed");
    }

    public Mono<Void> publish(CtiEvent event) {
        String key = new CallKey(event.getSite(), event.getCallId()).toString();
        return Mono.defer(() -> {
                    Timer.Sample sample = Timer.start();
                    CompletableFuture<?> acknowledgement = CompletableFuture
                            .supplyAsync(() -> send(key, event), sendScheduler::schedule)
                            .thenCompose(Function.identity())
                            .whenComplete((result, error) -> sample.stop(error == null ? acknowledged : failed));
                    // Giving up must not interrupt a send() that waits for metadata: the producer
                    // bounds it itself, and an interrupted producer call only fails noisily.
                    return Mono.fromFuture(acknowledgement, true);
                })
                // With a fallback, Reactor does not build a description of the operator chain per request.
                .timeout(timeout, Mono.error(() -> new TimeoutException("no acknowledgement within " + timeout)))
                .onErrorMap(error -> new EventNotPublishedException(error))
                .then();
    }

    private CompletableFuture<?> send(String key, CtiEvent event) {
        try {
            topic.ensureExists(timeout);
        } catch (ExecutionException | TimeoutException notThere) {
            throw new CompletionException(notThere);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        return template.send(topic.name(), key, event);
    }

    private static Timer publishTimer(MeterRegistry meters, String result) {
        return Timer.builder("callstream.cti.publish")
                .description("Time from handing a CTI event to the Kafka producer until Kafka acknowledged it, or the"
                        + " producer gave up on it")
                .tag("result", result)
                .publishPercentileHistogram()
                .register(meters);
    }
}
