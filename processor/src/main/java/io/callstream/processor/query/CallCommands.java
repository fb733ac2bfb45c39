package io.callstream.processor.query;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.callstream.schema.CallCommand;
import io.callstream.schema.CallKey;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Users' decisions about calls go through Kafka, keyed like the call's events, so the processor
 * applies them in order with the events, exactly once, on whichever instance owns the call.
 */
public final class CallCommands {

    private final Producer<String, CallCommand> producer;
    private final String topic;
    private final Clock clock;
    private final Duration timeout;

    /** @param topic the commands topic's name in this deployment */
    public CallCommands(Producer<String, CallCommand> producer, String topic, Clock clock, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Publishes "mark this call done (or not)" and returns the command id once Kafka has it. */
    public String markDone(CallKey key, Integer call, boolean done) {
        CallCommand command = CallCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setSite(key.site())
                .setCallId(key.callId())
                .setCall(call)
                .setDone(done)
                .setIssuedAt(clock.instant())
                .build();
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), command))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return command.getCommandId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotQueryableHereException("interrupted", e);
        } catch (Exception e) {
            throw new NotQueryableHereException("Kafka did not take the command in time", e);
        }
    }
}
