package io.callstream.ingress.publish;

/** Kafka did not acknowledge an event within the publish timeout; the PBX gets a 503. */
public final class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(Throwable cause) {
        super("Kafka did not acknowledge the event in time: " + cause, cause);
    }
}
