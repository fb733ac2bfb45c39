package io.callstream.ingress.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * One event in the spool: the Kafka record's key and value exactly as the edge's producer would
 * have sent them, and when the edge spooled it.
 *
 * <p>On disk: {@code int length | int crc32c | long spooledAtMillis | int keyLength | key | value},
 * where the checksum and the length cover everything after the checksum. A record whose checksum
 * does not match was torn by a crash before it was acknowledged.
 */
public record SpooledEvent(Instant spooledAt, String key, byte[] value) {

    static final int FRAME_HEADER_BYTES = Integer.BYTES + Integer.BYTES;
    private static final int BODY_HEADER_BYTES = Long.BYTES + Integer.BYTES;

    /** Bytes this event takes in the spool. */
    int frameBytes() {
        return FRAME_HEADER_BYTES + BODY_HEADER_BYTES + key.getBytes(StandardCharsets.UTF_8).length + value.length;
    }

    ByteBuffer frame() {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        int bodyLength = BODY_HEADER_BYTES + keyBytes.length + value.length;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + bodyLength);
        frame.putInt(bodyLength).putInt(0)
                .putLong(spooledAt.toEpochMilli()).putInt(keyBytes.length).put(keyBytes).put(value);
        frame.putInt(Integer.BYTES, checksum(frame.array(), FRAME_HEADER_BYTES, bodyLength));
        return frame.flip();
    }

    /** Decodes a body whose checksum was verified. */
    static SpooledEvent fromBody(ByteBuffer body) {
        Instant spooledAt = Instant.ofEpochMilli(body.getLong());
        byte[] keyBytes = new byte[body.getInt()];
        body.get(keyBytes);
        byte[] value = new byte[body.remaining()];
        body.get(value);
        return new SpooledEvent(spooledAt, new String(keyBytes, StandardCharsets.UTF_8), value);
    }

    static boolean bodyIsWhole(ByteBuffer body, int expectedChecksum) {
        if (body.remaining() < BODY_HEADER_BYTES) {
            return false;
        }
        int keyLength = body.getInt(body.position() + Long.BYTES);
        return keyLength >= 0 && keyLength <= body.remaining() - BODY_HEADER_BYTES
                && checksum(body.array(), body.arrayOffset() + body.position(), body.remaining()) == expectedChecksum;
    }

    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
