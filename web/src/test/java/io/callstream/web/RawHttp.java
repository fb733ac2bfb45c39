package io.callstream.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client that writes exactly the bytes a test gives it, malformed ones included, and reads
 * whatever comes back: for requests no well-behaved HTTP client can send. Loopback only.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final long openedAt = System.nanoTime();

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    public static RawHttp connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        return new RawHttp(socket);
    }

    /** Sends {@code request} on a new connection and returns everything the server wrote until it closed or went quiet. */
    public static String exchange(int port, String request, Duration patience) throws IOException {
        try (RawHttp http = connect(port)) {
            http.send(request);
            return http.readUntilClosed(patience).text();
        }
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response with a {@code Content-Length} body, leaving the connection open for the next. */
    public String readResponse(Duration patience) throws IOException {
        Response response = read(patience, false);
        return response.head() + response.body();
    }

    /**
     * Reads one response: its head, then a body of {@code Content-Length} bytes, a chunked body, or
     * (neither given) everything until the server closes.
     *
     * @param headRequest the request was a HEAD: the response has no body whatever its headers say
     * @throws IOException when the connection closes before a complete head, or {@code patience} passes
     */
    public Response read(Duration patience, boolean headRequest) throws IOException {
        socket.setSoTimeout((int) patience.toMillis());
        InputStream in = socket.getInputStream();
        String head = readLine(in, "\r\n\r\n");
        int status = Integer.parseInt(head.substring(9, 12));
        while (status >= 100 && status < 200) {
            // An interim answer (100 Continue): the response follows.
            head = readLine(in, "\r\n\r\n");
            status = Integer.parseInt(head.substring(9, 12));
        }
        String body;
        if (headRequest || status == 204 || status == 304) {
            body = "";
        } else if (header(head, "transfer-encoding").map(value -> value.equalsIgnoreCase("chunked")).orElse(false)) {
            body = readChunks(in);
        } else if (header(head, "content-length").isPresent()) {
            body = new String(in.readNBytes(Integer.parseInt(header(head, "content-length").get())), StandardCharsets.UTF_8);
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Response(status, head, body);
    }

    /** Reads until the server closes the connection, or {@code patience} passes without it. */
    public Received readUntilClosed(Duration patience) throws IOException {
        socket.setSoTimeout((int) patience.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed;
        try {
            received.write(socket.getInputStream().readAllBytes());
            closed = true;
        } catch (SocketTimeoutException stillOpen) {
            closed = false;
        } catch (IOException reset) {
            closed = true;
        }
        return new Received(received.toString(StandardCharsets.UTF_8), closed,
                Duration.ofNanos(System.nanoTime() - openedAt));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String readLine(InputStream in, String end) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (!line.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after '" + line.toString(StandardCharsets.ISO_8859_1) + "'");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int size;
        while ((size = Integer.parseInt(readLine(in, "\r\n").trim().split(";")[0], 16)) > 0) {
            body.write(in.readNBytes(size));
            readLine(in, "\r\n");
        }
        readLine(in, "\r\n");
        return body.toString(StandardCharsets.UTF_8);
    }

    private static java.util.Optional<String> header(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return java.util.Optional.of(line.substring(name.length() + 1).trim());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * @param head the status line and headers, up to and including the blank line
     */
    public record Response(int status, String head, String body) {

        /** Whether the server said it closes the connection after this response. */
        public boolean closes() {
            return header("connection").map(value -> value.equalsIgnoreCase("close")).orElse(false);
        }

        public java.util.Optional<String> header(String name) {
            return RawHttp.header(head, name);
        }
    }

    /**
     * @param text      what the server wrote
     * @param closed    whether the server closed the connection (else it was still open at the end)
     * @param openFor   time from connecting until the close, or until the test gave up
     */
    public record Received(String text, boolean closed, Duration openFor) {
    }
}
