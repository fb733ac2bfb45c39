package io.callstream.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator in the manner of wrk2: newCall POSTs (unique call ids) at a constant
 * rate over a fixed number of keep-alive connections, each request planned at its time whether or not
 * the ones before it were answered, and its latency measured from that planned time. A stall therefore
 * shows as the latency of every request it held up (no coordinated omission, which closed-loop tools
 * like wrk have). Prints the status counts and the latency distribution.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.callstream.benchmarks.ConstantRate URL [requests/s] [seconds] [connections]
 * </pre>
 */
public final class ConstantRate {

    private ConstantRate() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        if (!"127.0.0.1".equals(url.getHost())) {
            throw new IllegalArgumentException("load goes to 127.0.0.1 only, not " + url.getHost());
        }
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        String prefix = "open-" + System.currentTimeMillis() + "-";
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(rate * seconds));
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        long intervalNanos = 1_000_000_000L * connections / rate;
        long start = System.nanoTime() + 100_000_000L;
        List<Thread> senders = new ArrayList<>();
        for (int connection = 0; connection < connections; connection++) {
            long first = start + connection * (intervalNanos / connections);
            int requests = rate * seconds / connections;
            String callIds = prefix + connection + "-";
            Thread sender = new Thread(() -> send(url, first, intervalNanos, requests, callIds, latencies, statuses));
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        Latencies measured = Latencies.ofNanos(latencies);
        System.out.printf("== %d requests at %d/s over %d connections: statuses %s%n", measured.count(), rate, connections,
                new TreeMap<>(statuses));
        System.out.printf("== latency from the planned send: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                measured.at(0.50), measured.at(0.90), measured.at(0.99), measured.max());
    }

    /** One connection's share: each request at its planned time (or at once, when the connection is behind). */
    private static void send(URI url, long first, long intervalNanos, int requests, String callIds, List<Long> latencies,
            Map<String, AtomicLong> statuses) {
        Connection connection = null;
        for (int i = 0; i < requests; i++) {
            long planned = first + i * intervalNanos;
            LockSupport.parkNanos(planned - System.nanoTime());
            String status;
            try {
                if (connection == null) {
                    connection = new Connection(url);
                }
                status = connection.post(url, "event=newCall&from=493055571600&to=491711234567890&direction=in&callId="
                        + callIds + i + "&user[]=Alice&user[]=Bob");
            } catch (IOException e) {
                status = e.getClass().getSimpleName();
                connection = Connection.close(connection);
            }
            latencies.add(System.nanoTime() - planned);
            statuses.computeIfAbsent(status, unused -> new AtomicLong()).incrementAndGet();
        }
        Connection.close(connection);
    }


    /** A keep-alive HTTP/1.1 connection: one request, then its whole response, then the next. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(URI url) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        static Connection close(Connection connection) {
            if (connection != null) {
                try {
                    connection.socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            return null;
        }

        /** Sends the form and reads the response; returns its status code. */
        String post(URI url, String form) throws IOException {
            // One write, so the request leaves as one segment (TCP_NODELAY would send headers and body apart).
            out.write(("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\n\r\n" + form).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            int contentLength = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    contentLength = Integer.parseInt(header.substring(15).strip());
                }
            }
            in.skipNBytes(contentLength);
            return statusLine.split(" ")[1];
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
