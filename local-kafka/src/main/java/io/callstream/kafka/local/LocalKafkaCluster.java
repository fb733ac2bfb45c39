package io.callstream.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster on loopback: {@code size} nodes, each broker and controller (KRaft), each in
 * a JVM of its own started from this JVM's class path, with replication factor 3 and
 * {@code min.insync.replicas=2} for every topic and Kafka's internal ones. A node can be stopped
 * (SIGTERM: a controlled shutdown that moves its leaderships first), killed (SIGKILL) and started
 * again with its data. {@code java -cp ... LocalKafkaCluster [DIR]} runs one until Ctrl-C.
 */
public final class LocalKafkaCluster implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration START_PATIENCE = Duration.ofSeconds(120);

    private final Path directory;
    private final int[] ports;
    private final int[] controllerPorts;
    private final String voters;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Process[] nodes;
    private final int[] launches;

    private LocalKafkaCluster(Path directory, int size) {
        this.directory = directory;
        this.ports = IntStream.range(0, size).map(i -> FreePorts.pick()).toArray();
        this.controllerPorts = IntStream.range(0, size).map(i -> FreePorts.pick()).toArray();
        this.voters = IntStream.range(0, size).mapToObj(i -> (i + 1) + "@" + HOST + ":" + controllerPorts[i])
                .collect(Collectors.joining(","));
        this.nodes = new Process[size];
        this.launches = new int[size];
    }

    /** Starts {@code size} nodes in {@code directory} and returns once every one of them serves. */
    public static LocalKafkaCluster start(Path directory, int size) {
        LocalKafkaCluster cluster = new LocalKafkaCluster(directory, size);
        for (int node = 0; node < size; node++) {
            cluster.launch(node);
        }
        for (int node = 0; node < size; node++) {
            cluster.awaitServing(node);
        }
        return cluster;
    }

    public static void main(String[] args) throws Exception {
        Path directory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("callstream-cluster-");
        LocalKafkaCluster cluster = start(directory, 3);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-shutdown"));
        System.out.println("== cluster at " + cluster.bootstrapServers() + " (data in " + directory + ")");
        Thread.currentThread().join();
    }

    /** Every node's address, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return IntStream.of(ports).mapToObj(port -> HOST + ":" + port).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.length;
    }

    /** SIGTERM: Kafka moves the node's leaderships to other replicas, then exits. */
    public void stop(int node) {
        end(node, false);
    }

    /** SIGKILL, as a crash ends a broker. */
    public void kill(int node) {
        end(node, true);
    }

    /** Starts a stopped or killed node again, with its data, and waits until it serves. */
    public void restart(int node) {
        launch(node);
        awaitServing(node);
    }

    @Override
    public void close() {
        for (int node = 0; node < nodes.length; node++) {
            end(node, false);
        }
    }

    private void launch(int node) {
        Path data = directory.resolve("node-" + (node + 1));
        Path log = directory.resolve("node-" + (node + 1) + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), LocalKafkaClusterNode.class.getName(),
                data.toString(), String.valueOf(node + 1), String.valueOf(ports[node]),
                String.valueOf(controllerPorts[node]), voters, clusterId));
        try {
            Files.createDirectories(directory);
            nodes[node] = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            launches[node]++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + (node + 1), e);
        }
    }

    private void awaitServing(int node) {
        Path log = directory.resolve("node-" + (node + 1) + ".log");
        String serving = "== node " + (node + 1) + " at ";
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                // A restarted node appends to its log: count the lines, not their presence.
                long started = output.lines().filter(line -> line.startsWith(serving)).count();
                if (started >= launches[node]) {
                    return;
                }
                if (!nodes[node].isAlive()) {
                    throw new IllegalStateException("Kafka node " + (node + 1) + " ended while starting; see " + log);
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        throw new IllegalStateException("Kafka node " + (node + 1) + " did not serve within " + START_PATIENCE + "; see " + log);
    }

    private void end(int node, boolean kill) {
        Process process = nodes[node];
        if (process == null || !process.isAlive()) {
            return;
        }
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
