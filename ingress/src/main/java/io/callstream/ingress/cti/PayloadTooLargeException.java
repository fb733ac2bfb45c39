package io.callstream.ingress.cti;

/** The request body is over the configured limit (413). */
final class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException() {
        super(null, null, false, false);
    }
}
