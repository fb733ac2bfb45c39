package io.callstream.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
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
    /** Avro's single-object marker: the two bytes before the fingerprint. */
    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};
    private static final ThreadLocal<ByteArrayOutputStream> BUFFERS =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(INITIAL_BUFFER_BYTES));
    private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

    private final String recordName;
    private final byte[] header;
    private final DatumWriter<T> writer;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Class<T> type) {
        TrustedSchemaPackage.install();
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        long currentFingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.recordName = schema.getFullName();
        this.header = header(currentFingerprint);
        this.writer = model.createDatumWriter(schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
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
            // The single-object format of BinaryMessageEncoder, through a buffered encoder: Avro's
            // own encoder writes the datum unbuffered, a byte at a time, which cost a quarter of the
            // processor's time.
            ByteArrayOutputStream out = BUFFERS.get();
            out.reset();
            out.write(header);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
            ENCODERS.set(encoder);
            writer.write(record, encoder);
            encoder.flush();
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

    /** {@code C3 01}, then the schema's CRC-64-AVRO fingerprint, little-endian. */
    private static byte[] header(long fingerprint) {
        byte[] header = new byte[MARKER.length + Long.BYTES];
        System.arraycopy(MARKER, 0, header, 0, MARKER.length);
        for (int i = 0; i < Long.BYTES; i++) {
            header[MARKER.length + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
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
