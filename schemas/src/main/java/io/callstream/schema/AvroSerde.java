package io.callstream.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for our Avro records in Avro's standard single-object encoding: every value starts
 * with the fingerprint of its writer schema, so a consumer in any language can decode it with the
 * schema files of this module and no schema registry.
 *
 * <p>Decoding accepts data written with the current schema or any earlier published version of it
 * (see {@link SchemaHistory}). A value that cannot be decoded raises Kafka's
 * {@link SerializationException}, which consumers and Kafka Streams' exception handlers recognise.
 * Instances are thread-safe.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private static final int INITIAL_BUFFER_BYTES = 512;

    private final String recordName;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Class<T> type) {
        TrustedSchemaPackage.install();
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.recordName = schema.getFullName();
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        long currentFingerprint = SchemaNormalization.parsingFingerprint64(schema);
        SchemaHistory.publishedVersions(schema).stream()
                .filter(published -> SchemaNormalization.parsingFingerprint64(published) != currentFingerprint)
                .forEach(decoder::addSchema);
    }

    /** A serde for one generated record class, for example {@code AvroSerde.of(CtiEvent.class)}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    /** Encodes a record; {@code null} stays {@code null} (a tombstone). */
    public byte[] encode(T record) {
        if (record == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
            encoder.encode(record, out);
            return out.toByteArray();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("cannot encode " + recordName + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a value; {@code null} stays {@code null}. */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("not a single-object encoded " + recordName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> decode(bytes);
    }
}
