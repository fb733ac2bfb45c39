package io.callstream.processor.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContactsCsvReaderTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<ContactEntry> contacts = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();

    @Test
    void shouldReadAnExcelCsvUtf8ExportWithItsByteOrderMark() {
        read(join(BOM, bytes("Number,Name,Organization\r\n+49 30 5557 1600,Jürgen Müller,ACME\r\n", StandardCharsets.UTF_8)));

        assertThat(contacts).singleElement().satisfies(entry -> {
            assertThat(entry.number()).isEqualTo("493055571600");
            assertThat(entry.contact().getName()).isEqualTo("Jürgen Müller");
            assertThat(entry.contact().getOrganization()).isEqualTo("ACME");
        });
        assertThat(rejected).isEmpty();
    }

    @Test
    void shouldReadAGermanExcelExportWithSemicolonsInWindows1252() {
        read(bytes("number;name;organization;url\r\n0049 171 5000000;\"Weiß; Grete\";Müller & Söhne;\r\n",
                Charset.forName("windows-1252")));

        assertThat(contacts).singleElement().satisfies(entry -> {
            assertThat(entry.number()).isEqualTo("491715000000");
            assertThat(entry.contact().getName()).isEqualTo("Weiß; Grete");
            assertThat(entry.contact().getOrganization()).isEqualTo("Müller & Söhne");
            assertThat(entry.contact().getUrl()).isNull();
        });
    }

    @Test
    void shouldReadTabsQuotesAndLineBreaksInsideQuotedCells() {
        read(bytes("name\tnumber\texternal_id\n\"Doe, \"\"JD\"\"\nJane\"\t+1 212 555 0100\tcrm-42\n", StandardCharsets.UTF_8));

        assertThat(contacts).singleElement().satisfies(entry -> {
            assertThat(entry.number()).isEqualTo("12125550100");
            assertThat(entry.contact().getName()).isEqualTo("Doe, \"JD\"\nJane");
            assertThat(entry.contact().getExternalId()).isEqualTo("crm-42");
        });
    }

    @Test
    void shouldImportTheGoodRowsAndNameEveryBadOneWithItsLine() {
        read(bytes("number,name\n4930111,Alice\n,no number\n4930222,\n\n4930333,Carol\n", StandardCharsets.UTF_8));

        assertThat(contacts).extracting(ContactEntry::number).containsExactly("4930111", "4930333");
        assertThat(rejected).containsExactly("3: number and name are required", "4: number and name are required");
    }

    @Test
    void shouldRefuseAFileWhoseFirstRowDoesNotNameNumberAndName() {
        assertThatThrownBy(() -> read(bytes("4930111,Alice\n", StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidContactsFileException.class).hasMessageContaining("number and name");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(InvalidContactsFileException.class);
    }

    @Test
    void shouldStopAtCsvItCannotReadAndKeepWhatCameBefore() {
        read(bytes("number,name\n4930111,Alice\n4930222,\"never closed\n4930333,Carol\n", StandardCharsets.UTF_8));

        assertThat(contacts).extracting(ContactEntry::number).containsExactly("4930111");
        assertThat(rejected).singleElement().asString().contains("cannot be read as CSV");
    }

    @Test
    void shouldTakeNationalNumbersAsNumbersOfTheCountryCodeGiven() {
        new ContactsCsvReader().read(new ByteArrayInputStream(bytes(
                        "number,name\n030 5557 1600,Berlin office\n+49 (0)40 123456,Hamburg office\n+41 44 1234567,Zurich\n",
                        StandardCharsets.UTF_8)), "49", contacts::add, (line, problem) -> rejected.add(line + ": " + problem));

        assertThat(contacts).extracting(ContactEntry::number).containsExactly("493055571600", "4940123456", "41441234567");
    }

    private void read(byte[] csv) {
        new ContactsCsvReader().read(new ByteArrayInputStream(csv), contacts::add,
                (line, problem) -> rejected.add(line + ": " + problem));
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] join(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
