package io.callstream.processor.contacts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.callstream.schema.Contact;
import io.callstream.schema.PhoneNumbers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads contacts from a CSV stream, row by row, holding one row at a time. The first row names the
 * columns: {@code number} and {@code name} are required, {@code organization}, {@code external_id}
 * and {@code url} optional, in any order and case. What spreadsheet programs write is read: UTF-8
 * with or without a byte-order mark, Windows-1252 ({@link CsvCells}), and {@code ,}, {@code ;} or a
 * tab as separator, whichever the header row uses most.
 */
final class ContactsCsvReader {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char[] SEPARATORS = {',', ';', '\t'};

    private final ObjectReader rows = new CsvMapper().readerFor(String[].class).with(CsvReadFeature.WRAP_AS_ARRAY);

    /**
     * Reads {@code csv} to its end.
     *
     * @param contact  gets every row that is a contact
     * @param rejected gets the line number and the problem of every other data row
     * @throws InvalidContactsFileException when the file has no header row naming number and name
     */
    void read(InputStream csv, Consumer<ContactEntry> contact, BiConsumer<Long, String> rejected) {
        read(csv, null, contact, rejected);
    }

    /** As {@link #read(InputStream, Consumer, BiConsumer)}, national numbers taken as numbers of {@code countryCode}. */
    void read(InputStream csv, String countryCode, Consumer<ContactEntry> contact, BiConsumer<Long, String> rejected) {
        BufferedInputStream in = new BufferedInputStream(csv, MAX_HEADER_BYTES + BYTE_ORDER_MARK.length);
        try {
            skipByteOrderMark(in);
            char separator = separatorOf(in);
            try (MappingIterator<String[]> lines = rows.with(CsvSchema.emptySchema().withColumnSeparator(separator))
                    .readValues(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
                Map<String, Integer> columns = header(lines);
                while (lines.hasNextValue()) {
                    long line = lines.currentLocation().getLineNr();
                    String[] row = lines.nextValue();
                    if (!isBlank(row)) {
                        readRow(row, columns, line, countryCode, contact, rejected);
                    }
                }
            }
        } catch (JacksonException unreadable) {
            if (unreadable.getCause() instanceof RuntimeException streamFailure) {
                // The stream failed (the import's size limit, say), not the CSV: Jackson only wrapped it.
                throw streamFailure;
            }
            rejected.accept((long) unreadable.getLocation().getLineNr(),
                    "the file cannot be read as CSV from here on: " + unreadable.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readRow(String[] row, Map<String, Integer> columns, long line, String countryCode,
            Consumer<ContactEntry> contact, BiConsumer<Long, String> rejected) {
        String number = PhoneNumbers.normalize(cell(row, columns, "number"), countryCode);
        String name = cell(row, columns, "name");
        if (number == null || number.isEmpty() || name == null || name.isBlank()) {
            rejected.accept(line, "number and name are required");
            return;
        }
        contact.accept(new ContactEntry(number, new Contact(name, blankToNull(cell(row, columns, "organization")),
                blankToNull(cell(row, columns, "external_id")), blankToNull(cell(row, columns, "url")))));
    }

    private static Map<String, Integer> header(MappingIterator<String[]> lines) {
        Map<String, Integer> columns = new HashMap<>();
        if (lines.hasNextValue()) {
            String[] names = lines.nextValue();
            for (int i = 0; i < names.length; i++) {
                columns.putIfAbsent(CsvCells.decode(names[i]).trim().toLowerCase(Locale.ROOT), i);
            }
        }
        if (!columns.containsKey("number") || !columns.containsKey("name")) {
            throw new InvalidContactsFileException(
                    "The first row must name the columns, number and name at least (for example number,name).");
        }
        return columns;
    }

    private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(BYTE_ORDER_MARK.length);
        byte[] start = in.readNBytes(BYTE_ORDER_MARK.length);
        if (!java.util.Arrays.equals(start, BYTE_ORDER_MARK)) {
            in.reset();
        }
    }

    /** The separator the header row uses most; a comma when it uses none. */
    private static char separatorOf(BufferedInputStream in) throws IOException {
        in.mark(MAX_HEADER_BYTES);
        int[] counts = new int[SEPARATORS.length];
        for (int read = 0, b; read < MAX_HEADER_BYTES && (b = in.read()) >= 0 && b != '\n'; read++) {
            for (int i = 0; i < SEPARATORS.length; i++) {
                if (b == SEPARATORS[i]) {
                    counts[i]++;
                }
            }
        }
        in.reset();
        int most = 0;
        for (int i = 1; i < SEPARATORS.length; i++) {
            if (counts[i] > counts[most]) {
                most = i;
            }
        }
        return SEPARATORS[most];
    }

    private static String cell(String[] row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= row.length ? null : CsvCells.decode(row[index]);
    }

    private static boolean isBlank(String[] row) {
        for (String cell : row) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
