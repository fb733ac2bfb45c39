package io.callstream.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class GeneratedRecordsTest {

    private static final Path GENERATED = Path.of("target/generated-sources/avro");

    /** The build inserts the hook by pattern; a changed Avro template must not silently drop it. */
    @Test
    void shouldMakeEveryGeneratedRecordTrustOurPackageWhenItLoads() throws IOException {
        List<Path> records;
        try (Stream<Path> files = Files.walk(GENERATED)) {
            records = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains(" MODEL$ = new "))
                    .toList();
        }

        assertThat(records).isNotEmpty();
        assertThat(records).allSatisfy(file -> assertThat(read(file))
                .as("%s", file).contains("TrustedSchemaPackage.install()"));
    }

    @Test
    void shouldBuildRecordsWithEnumDefaults() {
        CtiEvent event = CtiEvent.newBuilder().setEventId("e").setSite("s").setEvent(CallEventType.HANGUP)
                .setCallId("c").setReceivedAt(java.time.Instant.EPOCH).build();

        assertThat(event.getDecision()).isEqualTo(EdgeDecision.NONE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
