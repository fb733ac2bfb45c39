package io.callstream.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code ./callstream} as a process of its own (a JVM from this test's classpath), as a user starts it. */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private LauncherProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static LauncherProcess start(Path dataDirectory) throws IOException {
        Path output = Files.createTempFile("callstream-launcher", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CallstreamLauncher.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("CALLSTREAM_DATA_DIR", dataDirectory.toString());
        builder.environment().put("CALLSTREAM_KAFKA_PORT", "0");
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().put("MANAGEMENT_SERVER_PORT", "0");
        return new LauncherProcess(builder.start(), output);
    }

    /** Waits for the ready banner; false if the process ended or the time ran out first. */
    boolean awaitReady(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (output().contains("callstream is ready")) {
                return true;
            }
            Thread.sleep(200);
        }
        return output().contains("callstream is ready");
    }

    /** Waits for the process to end by itself; its exit code, or empty if it still runs after {@code patience}. */
    java.util.OptionalInt awaitExit(Duration patience) throws InterruptedException {
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** SIGTERM, as Ctrl-C, {@code kill} or a container stop sends it. */
    void terminate() {
        process.destroy();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(output);
    }
}
