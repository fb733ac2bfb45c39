package io.callstream.processor.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.callstream.schema.Contact;
import io.callstream.schema.PhoneNumbers;

/**
 * Reads contacts from CSV (RFC 4180: commas, double quotes, CRLF or LF). The first row names the
 * columns: {@code number} and {@code name} are required, {@code organization}, {@code external_id}
 * and {@code url} optional, in any order. Numbers are normalised into contact keys.
 */
public final class ContactsCsv {

    /** One contact to store under its normalised number. */
    public record Entry(String number, Contact contact) {
    }

    /** What a file held: the contacts, and a problem per row that could not be read. */
    public record Result(List<Entry> entries, List<String> problems) {
    }

    private ContactsCsv() {
    }

    public static Result parse(String csv) {
        List<List<String>> rows = rows(csv);
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add("the file is empty; the first row must name the columns, e.g. number,name");
            return new Result(entries, problems);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            columns.put(rows.get(0).get(i).trim().toLowerCase(java.util.Locale.ROOT), i);
        }
        if (!columns.containsKey("number") || !columns.containsKey("name")) {
            problems.add("the first row must name the columns number and name");
            return new Result(entries, problems);
        }
        for (int line = 1; line < rows.size(); line++) {
            List<String> row = rows.get(line);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String number = PhoneNumbers.normalize(cell(row, columns, "number"), null);
            String name = cell(row, columns, "name");
            if (number == null || number.isEmpty() || name == null || name.isBlank()) {
                problems.add("row " + (line + 1) + ": number and name are required");
                continue;
            }
            entries.add(new Entry(number, new Contact(name, blankToNull(cell(row, columns, "organization")),
                    blankToNull(cell(row, columns, "external_id")), blankToNull(cell(row, columns, "url")))));
        }
        return new Result(entries, problems);
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= row.size() ? null : row.get(index);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
