package io.callstream.web.server;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

/**
 * Reactor logs an error that reaches a subscriber after it finished ("onErrorDropped") at ERROR.
 * Reactor Netty 1.3 delivers a transport failure of a request body (a body timeout) a second time
 * when the answer ends the connection, so every slow client would log an ERROR. Dropped transport
 * failures are logged at DEBUG; any other dropped error still at ERROR. The hook is JVM-wide, so it
 * is installed once.
 */
final class DroppedErrors {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);
    private static final AtomicBoolean installed = new AtomicBoolean();

    private DroppedErrors() {
    }

    static void install() {
        if (installed.compareAndSet(false, true)) {
            Hooks.onErrorDropped(DroppedErrors::dropped);
        }
    }

    private static void dropped(Throwable error) {
        if (TransportFailures.isTransportFailure(error)) {
            log.debug("Transport failure observed after its request ended: {}", error.toString());
        } else {
            log.error("Error dropped after its subscriber finished", error);
        }
    }
}
