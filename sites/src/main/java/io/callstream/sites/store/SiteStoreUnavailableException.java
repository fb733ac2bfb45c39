package io.callstream.sites.store;

/** Kafka did not take or confirm a site change in time; the change may or may not have happened. */
public final class SiteStoreUnavailableException extends RuntimeException {

    public SiteStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
