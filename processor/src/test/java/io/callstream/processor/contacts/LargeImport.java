package io.callstream.processor.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link ContactImportTest} in a JVM with a small heap: imports a generated file of
 * {@value ContactImportTest#LARGE_FILE_ROWS} rows, made on the fly, and prints what it did.
 */
final class LargeImport {

    private LargeImport() {
    }

    public static void main(String[] args) {
        ContactImportTest.DroppingProducer producer = new ContactImportTest.DroppingProducer();
        ContactImport.Result result = ContactImportTest.importer(producer, 64L * 1024 * 1024)
                .importFrom(new GeneratedRows(ContactImportTest.LARGE_FILE_ROWS));
        System.out.println("imported " + result.imported() + ", rejected " + result.rejected());
    }

    /** {@code number;name;organization} and then the rows, one at a time, never the whole file. */
    private static final class GeneratedRows extends InputStream {

        private final int rows;
        private int next = -1;
        private byte[] line = new byte[0];
        private int position;

        GeneratedRows(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() throws IOException {
            while (position == line.length) {
                if (next == rows) {
                    return -1;
                }
                line = (next < 0 ? "number;name;organization\r\n"
                        : "+49 30 " + (1_000_000 + next) + ";Kontakt Nummer " + next + ";Firma " + (next % 97) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                next++;
                position = 0;
            }
            return line[position++] & 0xFF;
        }
    }
}
