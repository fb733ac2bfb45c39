package io.callstream.ingress.publish;

/** Neither Kafka nor the spool took an event within the publish timeout; the PBX gets a 503. */
public final class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(Throwable cause) {
        super("The event was not stored in time: " + cause, cause);
    }
}
