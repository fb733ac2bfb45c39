package io.callstream.ingress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The edge in a JVM of its own (this test's classpath), so a test can kill it with -9 as a crash would. */
final class EdgeProcess implements AutoCloseable {

    static final String TOKEN = "crash-token-2f8e4c6a1b3d5e7f";
    /** Logged once the sites, ours among them, are read: the shared broker may hold other tests' sites too. */
    private static final Pattern SERVING = Pattern.compile("Serving \\d+ site");

    private final Process process;
    private final Path output;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EdgeProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts an edge on {@code port} with {@code spool} as its spool directory and waits until it serves. */
    static EdgeProcess start(String bootstrapServers, Path spool, int port) throws Exception {
        Path output = Files.createTempFile("edge-process", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), IngressApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--callstream.ingress.spool.directory=" + spool,
                "--callstream.ingress.publish-timeout=2s",
                "--callstream.ingress.sites[0].id=crash",
                "--callstream.ingress.sites[0].token=" + TOKEN)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        EdgeProcess edge = new EdgeProcess(builder.start(), output, port);
        edge.awaitServing(Duration.ofSeconds(60));
        return edge;
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    /** Posts a form to the PBX endpoint; its status code. */
    int post(String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cti/" + TOKEN))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer ends it. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitServing(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The edge ended while starting:\n" + output());
            }
            if (SERVING.matcher(output()).find()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The edge did not serve within " + patience + ":\n" + output());
    }
}
