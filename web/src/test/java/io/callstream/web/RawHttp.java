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
        socket.setSoTimeout((int) patience.toMillis());
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = contentLength(headers);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
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

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    /**
     * @param text      what the server wrote
     * @param closed    whether the server closed the connection (else it was still open at the end)
     * @param openFor   time from connecting until the close, or until the test gave up
     */
    public record Received(String text, boolean closed, Duration openFor) {
    }
}
