package io.callstream.ingress.request;

import java.nio.charset.StandardCharsets;

/**
 * Reads {@code application/x-www-form-urlencoded} data, the encoding of form bodies and query
 * strings: {@code name=value} pairs separated by {@code &}, {@code +} for a space, {@code %XX} for
 * a byte. A bad escape is malformed input (400), as in Rack.
 */
public final class FormUrlEncoded {

    private FormUrlEncoded() {
    }

    /** @param rawQuery a query string as it appears in the URI, still percent-encoded, or {@code null} */
    public static CtiParameters parse(String rawQuery) {
        return rawQuery == null ? CtiParameters.empty() : parse(rawQuery.getBytes(StandardCharsets.UTF_8));
    }

    public static CtiParameters parse(byte[] data) {
        if (data.length == 0) {
            return CtiParameters.empty();
        }
        CtiParameters.Builder parameters = CtiParameters.builder();
        int start = 0;
        while (start <= data.length) {
            int end = indexOf(data, (byte) '&', start, data.length);
            addPair(parameters, data, start, end);
            start = end + 1;
        }
        return parameters.build();
    }

    private static void addPair(CtiParameters.Builder parameters, byte[] data, int start, int end) {
        if (start == end) {
            return;
        }
        int equals = indexOf(data, (byte) '=', start, end);
        String name = decode(data, start, equals);
        if (name.isEmpty()) {
            return;
        }
        parameters.add(name, equals < end ? decode(data, equals + 1, end) : "");
    }

    private static String decode(byte[] data, int start, int end) {
        byte[] bytes = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            byte b = data[i];
            if (b == '+') {
                bytes[length++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= end) {
                    throw new MalformedRequestException("Malformed form data: incomplete '%' escape.");
                }
                int high = Character.digit(data[i + 1], 16);
                int low = Character.digit(data[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw new MalformedRequestException("Malformed form data: invalid '%' escape.");
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else {
                bytes[length++] = b;
            }
        }
        return Utf8Text.decode(bytes, 0, length);
    }

    /** The index of {@code target} in {@code data[from, to)}, or {@code to} if absent. */
    private static int indexOf(byte[] data, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == target) {
                return i;
            }
        }
        return to;
    }
}
