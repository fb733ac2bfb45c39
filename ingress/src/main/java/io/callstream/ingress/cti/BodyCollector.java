package io.callstream.ingress.cti;

import java.io.ByteArrayOutputStream;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Collects a request body up to the size limit. What comes beyond it is read and dropped, up to the
 * drain limit, so that a client sending too much gets its 413 instead of a connection reset (closing
 * a connection with unread data resets it, and the answer is lost with it).
 */
final class BodyCollector {

    private final int maxBodyBytes;
    private final long drainLimitBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long received;

    BodyCollector(int maxBodyBytes, long drainLimitBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.drainLimitBytes = drainLimitBytes;
    }

    /** Takes and releases {@code buffer}; fails once more than the drain limit arrived. */
    BodyCollector add(DataBuffer buffer) {
        try {
            int size = buffer.readableByteCount();
            if (received + size <= maxBodyBytes) {
                byte[] bytes = new byte[size];
                buffer.read(bytes);
                kept.writeBytes(bytes);
            }
            received += size;
            if (received > drainLimitBytes) {
                throw new PayloadTooLargeException();
            }
            return this;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The body, or a {@link PayloadTooLargeException} when it was over the limit. */
    byte[] body() {
        if (received > maxBodyBytes) {
            throw new PayloadTooLargeException();
        }
        return kept.toByteArray();
    }
}
