package io.callstream.processor.forwarding;

/** Why an event sits on the dead-letter topic instead of in Zammad: Zammad's answer, never its URL. */
final class ZammadRefusedEvent extends RuntimeException {

    ZammadRefusedEvent(String reason) {
        super(reason, null, false, false);
    }
}
