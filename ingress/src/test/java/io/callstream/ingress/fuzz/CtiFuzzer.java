package io.callstream.ingress.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.callstream.ingress.JsonText;

/**
 * Seeded generator of hostile requests to the CTI endpoint: every body encoding, odd and wildcard
 * content types, sizes around and over the limit, control characters and invalid UTF-8 in values,
 * header abuse, broken framing, other methods and paths. The same seed gives the same requests.
 */
final class CtiFuzzer {

    private static final String[] CONTENT_TYPES = {"application/x-www-form-urlencoded", "*/*", "*", "text/plain",
            "application/json", "application/json; charset=utf-16", "application/vnd.api+json", "text/*",
            "multipart/form-data", "multipart/form-data; boundary=", "application/octet-stream", ";;;", "a/b/c",
            "x/y; charset=nonsense", "application/x-www-form-urlencoded; charset=latin1", "text/xml", "\u00e4/\u00f6"};
    private static final String[] EVENTS = {"newCall", "answer", "hangup"};
    private static final String[] ODD_VALUES = {"", " ", "anonymous", "<unknown>", "+49 30 1234567", "0049 (0)30 555",
            "M\u00fcller, Hans", "PJSIP/bob", "\r\nSet-Cookie: x=1", "a\u0000b", "\t", "\u2028", "\u0085", "{\"x\":1}",
            "%", "%zz", "=", "&", "null", "800", "\u202e\u0645\u0631\u062d\u0628\u0627", "\ud83d\udcde"};

    private final Random random;
    private final String sitePath;
    private final String abandonPath;
    private final String prefix;
    private int sequence;

    CtiFuzzer(long seed, String siteToken, String abandonToken, String callIdPrefix) {
        this.random = new Random(seed);
        this.sitePath = "/api/v1/cti/" + siteToken;
        this.abandonPath = "/api/v1/cti/" + abandonToken;
        this.prefix = callIdPrefix;
    }

    FuzzCase next() {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return event("event", sitePath, false);
        }
        if (roll < 65) {
            return headerAbuse();
        }
        if (roll < 72) {
            return raw("size", "POST", sitePath, List.of("Content-Type: " + pick(CONTENT_TYPES)),
                    randomBytes(65_000 + random.nextInt(100_000)), false);
        }
        if (roll < 80) {
            return raw("content-type", "POST", sitePath, List.of("Content-Type: " + pick(CONTENT_TYPES)),
                    randomBytes(random.nextInt(2_000)), false);
        }
        if (roll < 85) {
            return raw("path", "POST", pick(new String[] {"/api/v1/cti/wrong-token", sitePath + "/x", "/api/v1/cti/",
                    "/api/v1/cti/%00", "/api/v1/cti/" + "t".repeat(3_000), "/api/v1/../v1/cti/x", "/%ff%fe", "/api/v1/cti/\u00e4"}),
                    List.of("Content-Type: application/x-www-form-urlencoded"), form(randomFields()), false);
        }
        if (roll < 90) {
            String method = pick(new String[] {"GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "FOO", "TRACE"});
            return raw("method", method, sitePath, List.of(), form(randomFields()), method.equals("HEAD"));
        }
        if (roll < 95) {
            return raw("other-route", pick(new String[] {"GET", "POST", "PUT"}), pick(new String[] {"/api/v1/admin/sites",
                    "/api/v1/admin/sites/x/block-list", "/nothing", "/", "/actuator/prometheus", "/v3/api-docs"}),
                    List.of("Authorization: Bearer wrong-admin-token", "Content-Type: " + pick(CONTENT_TYPES)),
                    randomBytes(random.nextInt(300)), false);
        }
        if (roll < 97) {
            // Content-Length promises more than comes: answered 408 after the body timeout.
            byte[] body = form(randomFields());
            return new FuzzCase(join(head("POST", sitePath, List.of("Content-Length: " + (body.length + 10)), "\r\n"), body),
                    "short-body", false, false, null, false);
        }
        return event("abandon", abandonPath, true);
    }

    /** A CTI event in one of the encodings PBXs use, with values sometimes mangled. */
    private FuzzCase event(String kind, String path, boolean abandon) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"event", random.nextInt(10) == 0 ? pick(ODD_VALUES) : pick(EVENTS)});
        fields.add(new String[] {"direction", random.nextInt(10) == 0 ? pick(ODD_VALUES) : pick(new String[] {"in", "out"})});
        String callId = prefix + "-" + sequence++;
        boolean mangled = random.nextInt(8) == 0;
        fields.add(new String[] {random.nextBoolean() ? "callId" : "call_id", mangled ? callId + pick(ODD_VALUES) : callId});
        fields.addAll(randomFields());
        int encoding = random.nextInt(5);
        byte[] body;
        List<String> headers = new ArrayList<>();
        String target = path;
        switch (encoding) {
            case 0 -> {
                headers.add("Content-Type: application/x-www-form-urlencoded");
                body = form(fields);
            }
            case 1 -> body = form(fields);
            case 2 -> {
                headers.add("Content-Type: application/json");
                body = json(fields);
            }
            case 3 -> {
                headers.add("Content-Type: multipart/form-data; boundary=fuzz");
                body = multipart(fields);
            }
            default -> {
                target = path + "?" + new String(form(fields), StandardCharsets.ISO_8859_1);
                body = new byte[0];
            }
        }
        if (random.nextInt(20) == 0) {
            // Anywhere, the call id included: the body is then read as Latin-1.
            body = invalidUtf8(body);
            mangled = true;
        }
        byte[] request = join(head("POST", target, withLength(headers, body.length), "\r\n"), body);
        return new FuzzCase(request, kind + "-" + encoding, false, !abandon, mangled ? null : callId, abandon);
    }

    private FuzzCase headerAbuse() {
        List<String> headers = new ArrayList<>();
        String separator = "\r\n";
        switch (random.nextInt(8)) {
            case 0 -> headers.add("X-Long: " + "a".repeat(8_000 + random.nextInt(12_000)));
            case 1 -> {
                for (int i = 0; i < 300; i++) {
                    headers.add("X-Many-" + i + ": " + i);
                }
            }
            case 2 -> headers.add("Content-Length: " + pick(new String[] {"abc", "-1", "99999999999999", "1, 2", ""}));
            case 3 -> headers.add("Transfer-Encoding: " + pick(new String[] {"chunked, gzip", "identity", "x", "chunked\u0000"}));
            case 4 -> separator = "\n";
            case 5 -> headers.add("Bad Header Name: x");
            case 6 -> headers.add("Expect: 100-continue");
            default -> headers.add("X-Bytes: " + new String(randomBytes(200), StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", ""));
        }
        byte[] body = form(randomFields());
        if (headers.stream().noneMatch(header -> header.startsWith("Content-Length") || header.startsWith("Transfer"))) {
            headers = withLength(headers, body.length);
        }
        return new FuzzCase(join(head("POST", sitePath, headers, separator), body), "headers", false, false, null, false);
    }

    private FuzzCase raw(String kind, String method, String path, List<String> headers, byte[] body, boolean headMethod) {
        return new FuzzCase(join(head(method, path, withLength(headers, body.length), "\r\n"), body), kind, headMethod,
                false, null, false);
    }

    private List<String[]> randomFields() {
        List<String[]> fields = new ArrayList<>();
        for (String name : new String[] {"from", "to", "user[]", "user[]", "queue", "cause", "answeringNumber"}) {
            if (random.nextBoolean()) {
                fields.add(new String[] {name, random.nextInt(4) == 0 ? pick(ODD_VALUES) : String.valueOf(4930_0000L + random.nextInt(9_999_999))});
            }
        }
        int extra = random.nextInt(10) == 0 ? random.nextInt(80) : random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            fields.add(new String[] {"X" + i + pick(ODD_VALUES), "v".repeat(random.nextInt(random.nextInt(10) == 0 ? 3_000 : 20))});
        }
        return fields;
    }

    private static byte[] head(String method, String target, List<String> headers, String separator) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1").append(separator)
                .append("Host: 127.0.0.1").append(separator).append("Connection: close").append(separator);
        headers.forEach(header -> head.append(header).append(separator));
        return head.append(separator).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> withLength(List<String> headers, int length) {
        List<String> all = new ArrayList<>(headers);
        all.add("Content-Length: " + length);
        return all;
    }

    private static byte[] form(List<String[]> fields) {
        StringBuilder form = new StringBuilder();
        for (String[] field : fields) {
            form.append(form.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(field[0], StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(field[1], StandardCharsets.UTF_8));
        }
        return form.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] json(List<String[]> fields) {
        StringBuilder json = new StringBuilder("{");
        for (String[] field : fields) {
            boolean callId = field[0].equals("callId") || field[0].equals("call_id");
            json.append(json.length() > 1 ? "," : "").append(JsonText.quote(field[0].replace("[]", ""))).append(':')
                    .append(!callId && random.nextInt(30) == 0
                            ? pick(new String[] {"null", "800", "[1,\"a\"]", "{\"a\":{}}", "true"})
                            : JsonText.quote(field[1]));
        }
        return json.append(random.nextInt(40) == 0 ? "" : "}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(List<String[]> fields) {
        StringBuilder body = new StringBuilder();
        for (String[] field : fields) {
            body.append("--fuzz\r\nContent-Disposition: form-data; name=\"").append(field[0].replace("\"", ""))
                    .append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        return body.append("--fuzz--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A stray 0xC3 0x28 (never valid UTF-8) somewhere in the body. */
    private byte[] invalidUtf8(byte[] body) {
        int at = body.length == 0 ? 0 : random.nextInt(body.length);
        return join(join(java.util.Arrays.copyOf(body, at), new byte[] {(byte) 0xC3, (byte) 0x28}),
                java.util.Arrays.copyOfRange(body, at, body.length));
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] join(byte[] first, byte[] second) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(first.length + second.length);
        joined.writeBytes(first);
        joined.writeBytes(second);
        return joined.toByteArray();
    }
}
