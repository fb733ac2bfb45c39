package io.callstream.web.server;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import reactor.core.publisher.Hooks;

/**
 * Reactor logs an error that reaches a subscriber after it finished ("onErrorDropped") at ERROR.
 * Some failures a client causes arrive twice: Reactor Netty 1.3 delivers a body timeout again when
 * the answer ends the connection, and Spring's multipart reader reports a broken body both to the
 * request and to the part being read. The request has its answer (408, 400) by then, so every such
 * client would log an ERROR. Dropped failures of the client's making (transport failures and input
 * that could not be decoded) are logged at DEBUG; any other dropped error still at ERROR. The hook
 * is JVM-wide, so it is installed once.
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
        if (TransportFailures.isTransportFailure(error) || error instanceof DecodingException) {
            log.debug("Client failure observed after its request ended: {}", error.toString());
        } else {
            log.error("Error dropped after its subscriber finished", error);
        }
    }
}
