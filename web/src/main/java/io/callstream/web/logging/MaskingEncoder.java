package io.callstream.web.logging;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Wraps an appender's encoder and masks secrets in every line it writes: the message, the stack
 * trace, whatever a library put in them. Lines without a secret pass unchanged.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;

    MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        String text = new String(line, StandardCharsets.UTF_8);
        String masked = SecretMasking.mask(text);
        return masked.equals(text) ? line : masked.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

    @Override
    public void start() {
        super.start();
        if (!delegate.isStarted()) {
            delegate.start();
        }
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }
}
