package io.callstream.ingress.admin;

/** No such site, or no such entry of a site (404). */
public final class SiteNotFoundException extends RuntimeException {

    public SiteNotFoundException(String message) {
        super(message, null, false, false);
    }
}
