package io.callstream.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the topic contract stable for the analytics teams: every record schema under
 * {@code src/main/avro} is published in {@code avro-history}, its newest published version is
 * the current schema, and current and published versions read each other's data (full
 * compatibility, transitively), so neither new readers of old data nor old readers of new data
 * break silently.
 */
class SchemaCompatibilityTest {

    private static final Path SOURCES = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("src/main/resources/avro-history");

    static Stream<Schema> currentRecordSchemas() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        try (Stream<Path> common = Files.list(SOURCES.resolve("common"))) {
            for (Path file : common.sorted().toList()) {
                parser.parse(Files.readString(file));
            }
        }
        try (Stream<Path> records = Files.list(SOURCES)) {
            List<Path> files = records.filter(file -> file.toString().endsWith(".avsc")).sorted().toList();
            assertThat(files).as("record schemas in %s", SOURCES).isNotEmpty();
            return files.stream().map(file -> parse(parser, file)).toList().stream();
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

    private static Schema parse(Schema.Parser parser, Path file) {
        try {
            return parser.parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }
}
