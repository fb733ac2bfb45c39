package io.callstream.processor.query;

/** The stores cannot be read right now (starting, rebalancing, an instance not answering): 503. */
public final class NotQueryableHereException extends RuntimeException {

    public NotQueryableHereException(String message, Throwable cause) {
        super(message, cause);
    }
}
