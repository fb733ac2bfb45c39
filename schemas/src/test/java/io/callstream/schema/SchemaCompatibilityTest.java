package io.callstream.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the topic contract stable for the analytics teams (and the state stores readable across
 * upgrades): every record schema under {@code src/main/avro} is published in {@code avro-history}, its newest published version is
 * the current schema, and current and published versions read each other's data (full
 * compatibility, transitively), so neither new readers of old data nor old readers of new data
 * break silently.
 */
class SchemaCompatibilityTest {

    private static final Path SOURCES = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("src/main/resources/avro-history");

    /**
     * Every record schema a topic or a store changelog carries: the files directly under
     * {@code src/main/avro} and under {@code internal/}, parsed in dependency order.
     */
    static Stream<Schema> currentRecordSchemas() throws IOException {
        Map<String, Schema> known = new HashMap<>();
        parseAll(files(SOURCES.resolve("common")), known);
        List<Path> records = new ArrayList<>(files(SOURCES));
        records.addAll(files(SOURCES.resolve("internal")));
        assertThat(records).as("record schemas in %s", SOURCES).isNotEmpty();
        return parseAll(records, known).stream();
    }

    /** Parses files in whatever order their references allow; returns their schemas. */
    private static List<Schema> parseAll(List<Path> files, Map<String, Schema> known) throws IOException {
        List<Path> pending = new ArrayList<>(files);
        List<Schema> parsed = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Path> stillPending = new ArrayList<>();
            for (Path file : pending) {
                Schema.Parser parser = new Schema.Parser();
                parser.addTypes(known.values());
                try {
                    Schema schema = parser.parse(Files.readString(file));
                    known.putAll(parser.getTypes());
                    parsed.add(schema);
                } catch (AvroRuntimeException undefinedType) {
                    stillPending.add(file);
                }
            }
            assertThat(stillPending).as("schemas with undefined types").hasSizeLessThan(pending.size());
            pending = stillPending;
        }
        return parsed;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentRecordSchemas")
    void newestPublishedVersionIsTheCurrentSchema(Schema current) {
        List<Schema> published = SchemaHistory.publishedVersions(current);

        assertThat(published)
                .as("%s is not published: add %s with this content%n%s", current.getFullName(),
                        HISTORY.resolve(current.getFullName()).resolve("v1.avsc"), current.toString(true))
                .isNotEmpty();
        Schema newest = published.get(published.size() - 1);
        assertThat(newest)
                .as("%s changed since v%d: check compatibility, then publish it as v%d with this content%n%s",
                        current.getFullName(), published.size(), published.size() + 1, current.toString(true))
                .isEqualTo(current);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentRecordSchemas")
    void currentSchemaAndEveryPublishedVersionReadEachOthersData(Schema current) {
        List<Schema> published = SchemaHistory.publishedVersions(current);
        for (int version = 1; version <= published.size(); version++) {
            Schema old = published.get(version - 1);
            assertCompatible("current reading v" + version, current, old);
            assertCompatible("v" + version + " reading current", old, current);
        }
    }

    private static void assertCompatible(String what, Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        assertThat(result.getCompatibility())
                .as("%s of %s: %s", what, reader.getFullName(), result.getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
}
