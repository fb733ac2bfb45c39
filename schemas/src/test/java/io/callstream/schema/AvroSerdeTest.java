package io.callstream.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<CtiEvent> serde = AvroSerde.of(CtiEvent.class);

    @Test
    void shouldRoundTripEveryField() {
        CtiEvent event = CtiEvent.newBuilder()
                .setEventId("6f1c4a52-0000-4000-8000-000000000001")
                .setSite("berlin")
                .setEvent(CallEventType.HANGUP)
                .setCallId("queue1795683183.101")
                .setDirection(Direction.IN)
                .setFrom("+49 30 5557160")
                .setTo("800")
                .setUsers(List.of("Alice", "Müller, Hans"))
                .setQueue("support")
                .setCause("NO_ANSWER")
                .setNormalizedCause(HangupCause.NO_ANSWER)
                .setAnsweringNumber("alice@example.com")
                .setExtraFields(Map.of("CallType", "external"))
                .setReceivedAt(Instant.parse("2026-11-26T10:15:30.123Z"))
                .setDecision(EdgeDecision.REJECT)
                .setDialCallerId(null)
                .build();

        byte[] bytes = serde.serializer().serialize("any", event);

        assertThat(serde.deserializer().deserialize("any", bytes)).isEqualTo(event);
    }

    @Test
    void shouldWriteAvroSingleObjectEncodingWithTheSchemaFingerprint() {
        byte[] bytes = serde.encode(minimalEvent());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = org.apache.avro.SchemaNormalization.parsingFingerprint64(CtiEvent.getClassSchema());
        for (int i = 0; i < 8; i++) {
            assertThat(bytes[2 + i]).as("fingerprint byte %d", i).isEqualTo((byte) (fingerprint >>> (8 * i)));
        }
    }

    @Test
    void shouldDecodeWhatAGenericWriterInAnotherLanguageWouldWrite() throws IOException {
        Schema published = SchemaHistory.publishedVersions(CtiEvent.getClassSchema()).get(0);
        GenericRecord record = new GenericData.Record(published);
        record.put("eventId", "e-1");
        record.put("site", "berlin");
        record.put("event", new GenericData.EnumSymbol(published.getField("event").schema(), "NEW_CALL"));
        record.put("callId", "123456");
        record.put("users", List.of());
        record.put("extraFields", Map.of());
        record.put("receivedAt", 1_000L);
        record.put("decision", new GenericData.EnumSymbol(published.getField("decision").schema(), "NONE"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), published).encode(record, out);

        CtiEvent decoded = serde.decode(out.toByteArray());

        assertThat(decoded.getCallId()).isEqualTo("123456");
        assertThat(decoded.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(decoded.getEvent()).isEqualTo(CallEventType.NEW_CALL);
    }

    @Test
    void shouldKeepTombstonesNull() {
        assertThat(serde.encode(null)).isNull();
        assertThat(serde.decode(null)).isNull();
    }

    @Test
    void shouldRejectBytesThatAreNotSingleObjectEncodedWithKafkasSerializationException() {
        assertThatThrownBy(() -> serde.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.callstream.schema.CtiEvent");
    }

    @Test
    void shouldRejectAValueWithAnUnknownSchemaFingerprint() {
        byte[] bytes = serde.encode(minimalEvent());
        bytes[5] ^= 0x7F;

        assertThatThrownBy(() -> serde.decode(bytes)).isInstanceOf(SerializationException.class);
    }

    private static CtiEvent minimalEvent() {
        return CtiEvent.newBuilder()
                .setEventId("e-1")
                .setSite("berlin")
                .setEvent(CallEventType.NEW_CALL)
                .setCallId("1")
                .setReceivedAt(Instant.EPOCH)
                .build();
    }
}
