package io.callstream.processor.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.avro.SchemaNormalization;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Every published version of every Avro schema our topics and changelogs carry (the schemas jar's
 * {@code avro-history}), by the fingerprint a record's single-object header names: what a consumer
 * without our Java code needs to decode any record it reads.
 */
public final class PublishedSchemas {

    private static final Pattern HISTORY_FILE = Pattern.compile(".*/avro-history/([^/]+)/v(\\d+)\\.avsc$");

    private final List<Published> all;

    private PublishedSchemas(List<Published> all) {
        this.all = List.copyOf(all);
    }

    /** What the classpath holds under {@code avro-history/}. */
    public static PublishedSchemas fromClasspath() {
        try {
            List<Published> found = new ArrayList<>();
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:avro-history/*/v*.avsc")) {
                Matcher name = HISTORY_FILE.matcher(file.getURL().toString());
                if (name.matches()) {
                    try (InputStream in = file.getInputStream()) {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(text);
                        found.add(new Published(new Entry(name.group(1), Integer.parseInt(name.group(2)),
                                fingerprint(schema), name.group(1).contains(".internal.")), text));
                    }
                }
            }
            found.sort(Comparator.comparing((Published published) -> published.entry().name())
                    .thenComparingInt(published -> published.entry().version()));
            return new PublishedSchemas(found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the published Avro schemas", e);
        }
    }

    public List<Entry> entries() {
        return all.stream().map(Published::entry).toList();
    }

    /** The {@code .avsc} text of the version with this fingerprint. */
    public Optional<String> schema(String fingerprint) {
        return all.stream().filter(published -> published.entry().fingerprint().equalsIgnoreCase(fingerprint))
                .map(Published::text).findFirst();
    }

    /** The 8 bytes after {@code C3 01} in a single-object record: CRC-64-AVRO, little-endian, as hex. */
    static String fingerprint(org.apache.avro.Schema schema) {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(SchemaNormalization.parsingFingerprint64(schema)).array();
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * One published schema version.
     *
     * @param fingerprint the 8 bytes after {@code C3 01} in a record written with it, as 16 hex digits
     * @param internal    a store's changelog or an internal topic, not a contract for consumers
     */
    @Schema(name = "PublishedSchema")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Entry(String name, int version, String fingerprint, boolean internal) {
    }

    private record Published(Entry entry, String text) {
    }
}
