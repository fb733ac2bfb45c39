package io.callstream.ingress.request;

/** The request body cannot be read as the encoding it claims (400). */
public final class MalformedRequestException extends RuntimeException {

    public MalformedRequestException(String message) {
        super(message, null, false, false);
    }
}
