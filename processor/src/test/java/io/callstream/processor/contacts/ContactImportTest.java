package io.callstream.processor.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.callstream.schema.Contact;
import io.callstream.schema.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ContactImportTest {

    static final int LARGE_FILE_ROWS = 100_000;
    /** Less heap than the file's rows would take if the import held them (about 30 MiB). */
    private static final String SMALL_HEAP = "-Xmx24m";

    @Test
    void shouldCountImportedAndRejectedRowsAndListOnlyTheFirstProblems() {
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 30; i++) {
            csv.append(4930_0000 + i).append(",Contact ").append(i).append('\n').append(",nameless\n");
        }
        DroppingProducer producer = new DroppingProducer();

        ContactImport.Result result = importer(producer, 1 << 20).importFrom(stream(csv.toString()));

        assertThat(result.imported()).isEqualTo(30);
        assertThat(result.rejected()).isEqualTo(30);
        assertThat(result.problems()).hasSize(ContactImport.PROBLEMS_LISTED)
                .first().isEqualTo(new ContactImport.Problem(3, "number and name are required"));
        assertThat(producer.sent).isEqualTo(30);
    }

    @Test
    void shouldRefuseAFileOverTheLimitAfterImportingTheRowsBeforeIt() {
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append(4930_0000 + i).append(",Contact ").append(i).append('\n');
        }
        DroppingProducer producer = new DroppingProducer();

        assertThatThrownBy(() -> importer(producer, 100_000).importFrom(stream(csv.toString())))
                .isInstanceOf(ContactsImportTooLargeException.class)
                .hasMessageContaining("contact(s) before the limit were imported")
                .satisfies(tooLarge -> assertThat(((ContactsImportTooLargeException) tooLarge).imported())
                        .isEqualTo(producer.sent).isPositive().isLessThan(10_000));
    }

    @Test
    void shouldImportAHundredThousandRowsInAHeapTooSmallToHoldThem() throws Exception {
        File output = File.createTempFile("contacts-import", ".log");
        Process importer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SMALL_HEAP, "-cp", System.getProperty("java.class.path"), LargeImport.class.getName())
                .redirectErrorStream(true).redirectOutput(output).start();

        assertThat(importer.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();
        String printed = java.nio.file.Files.readString(output.toPath());
        assertThat(importer.exitValue()).as(printed).isZero();
        assertThat(printed).contains("imported " + LARGE_FILE_ROWS + ", rejected 0");
    }

    static ContactImport importer(MockProducer<String, Contact> producer, long maxBytes) {
        return new ContactImport(new ContactWriter(producer, Topics.CONTACTS, Duration.ofSeconds(5)), maxBytes);
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Kafka's MockProducer that forgets what it was sent once flushed, so the test holds no history. */
    static final class DroppingProducer extends MockProducer<String, Contact> {

        long sent;

        @SuppressWarnings("unchecked")
        DroppingProducer() {
            super(true, null, new StringSerializer(), (Serializer<Contact>) (topic, contact) -> new byte[0]);
        }

        @Override
        public synchronized void flush() {
            super.flush();
            sent += history().size();
            clear();
        }
    }
}
