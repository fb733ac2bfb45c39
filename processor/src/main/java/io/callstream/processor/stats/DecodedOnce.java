package io.callstream.processor.stats;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A serde for a table whose values rarely change and are read for every record (the sites, read for
 * each call's statistics): each distinct serialized value is decoded once and the same object is handed
 * out after that, so its readers must not change it. Remembers the last {@value #REMEMBERED} distinct values.
 */
final class DecodedOnce {

    private static final int REMEMBERED = 256;

    private DecodedOnce() {
    }

    static <T> Serde<T> of(Serde<T> serde) {
        return Serdes.serdeFrom(serde.serializer(), new Memo<>(serde.deserializer()));
    }

    private static final class Memo<T> implements Deserializer<T> {

        private final Deserializer<T> decoder;
        private final Map<ByteBuffer, T> decoded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, T> eldest) {
                return size() > REMEMBERED;
            }
        };

        Memo(Deserializer<T> decoder) {
            this.decoder = decoder;
        }

        @Override
        public synchronized T deserialize(String topic, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            return decoded.computeIfAbsent(ByteBuffer.wrap(bytes), value -> decoder.deserialize(topic, bytes));
        }
    }
}
