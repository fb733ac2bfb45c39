package io.callstream.ingress.admin;

/** The change contradicts the current state: the site or the entry exists already (409). */
public final class SiteConflictException extends RuntimeException {

    public SiteConflictException(String message) {
        super(message, null, false, false);
    }
}
