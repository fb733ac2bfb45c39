package io.callstream.web.server;

import java.io.IOException;
import java.util.Optional;

import io.netty.handler.timeout.TimeoutException;
import reactor.netty.channel.AbortedException;

/**
 * Failures that end a request in the transport rather than in our code: the client went away, sent
 * its body too slowly, or the server already answered on the wire (a malformed body). Nothing can
 * be answered any more and nothing is wrong with the server, so they are counted, not logged.
 */
public final class TransportFailures {

    static final String BODY_TIMEOUT = "body_timeout";
    static final String CLIENT_GONE = "client_gone";

    private TransportFailures() {
    }

    /** The metric tag for a transport failure, or empty when {@code failure} is an error of ours. */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || isRequestTimeout(cause)) {
                return Optional.of(BODY_TIMEOUT);
            }
            if (cause instanceof AbortedException || cause instanceof IOException) {
                return Optional.of(CLIENT_GONE);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Reactor Netty's {@code RequestTimeoutException} (the body timeout) is not a public class. */
    private static boolean isRequestTimeout(Throwable failure) {
        return failure.getClass().getName().equals("reactor.netty.http.server.RequestTimeoutException");
    }

    public static boolean isTransportFailure(Throwable failure) {
        return reason(failure).isPresent();
    }
}
