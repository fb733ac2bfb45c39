package io.callstream.ingress.spool;

/** The spool cannot take an event: it is full, closed, or its disk failed. */
public final class SpoolUnavailableException extends RuntimeException {

    public SpoolUnavailableException(String message) {
        super(message);
    }
}
