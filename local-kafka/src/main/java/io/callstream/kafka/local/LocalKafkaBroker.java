package io.callstream.kafka.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker, KRaft mode, one node acting as broker and controller, running inside the
 * current JVM and listening on 127.0.0.1 only. It is Kafka's own server ({@link KafkaRaftServer}),
 * not a fake: the laptop launcher runs the product on it and integration tests run against it.
 *
 * <p>The data directory is formatted on first start and reused afterwards, so topics and offsets
 * survive a restart. {@link #stop()} and {@link #start()} let a test take the broker away and bring
 * it back on the same address with the same data.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

    private static final int SINGLE_NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path dataDirectory;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final boolean deleteDataOnClose;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private LocalKafkaBroker(Path dataDirectory, int nodeId, int port, int controllerPort, String voters, String clusterId,
            boolean deleteDataOnClose, Map<String, String> overrides) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
        this.deleteDataOnClose = deleteDataOnClose;
        this.config = KafkaConfig.fromProps(toProperties(serverConfig(voters, overrides)), false);
    }

    /**
     * Starts a broker that keeps its data in {@code dataDirectory} across restarts.
     *
     * @param port the client port on 127.0.0.1, or 0 for a free one
     */
    public static LocalKafkaBroker startPersistent(Path dataDirectory, int port) {
        return start(dataDirectory, port, false, Map.of());
    }

    /** Starts a broker on free ports in a new temporary directory that {@link #close()} deletes. */
    public static LocalKafkaBroker startEphemeral(Map<String, String> overrides) {
        try {
            return start(Files.createTempDirectory("callstream-kafka-"), 0, true, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for Kafka", e);
        }
    }

    private static LocalKafkaBroker start(Path dataDirectory, int port, boolean deleteDataOnClose,
            Map<String, String> overrides) {
        int clientPort = port == 0 ? FreePorts.pick() : port;
        int controllerPort = FreePorts.pick();
        LocalKafkaBroker broker = new LocalKafkaBroker(dataDirectory, SINGLE_NODE_ID, clientPort, controllerPort,
                SINGLE_NODE_ID + "@" + HOST + ":" + controllerPort, Uuid.randomUuid().toString(), deleteDataOnClose,
                overrides);
        broker.formatIfNew();
        broker.start();
        return broker;
    }

    /**
     * One node (broker and controller) of a cluster on loopback; not started yet. Every node of the
     * cluster gets the same {@code voters} ({@code id@127.0.0.1:controllerPort,...}) and {@code clusterId}.
     * {@link #start()} returns once this node serves, which takes a quorum: start the nodes together.
     */
    public static LocalKafkaBroker clusterNode(Path dataDirectory, int nodeId, int port, int controllerPort,
            String voters, String clusterId, Map<String, String> overrides) {
        LocalKafkaBroker node = new LocalKafkaBroker(dataDirectory, nodeId, port, controllerPort, voters, clusterId,
                false, overrides);
        node.formatIfNew();
        return node;
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker again after {@link #stop()}, on the same address and with the same data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        KafkaRaftServer newServer = new KafkaRaftServer(config, Time.SYSTEM);
        newServer.startup();
        server = newServer;
        log.info("Kafka broker listening on {} (data in {}), started in {} ms",
                bootstrapServers(), dataDirectory, (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops the broker and keeps its data. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
        if (deleteDataOnClose) {
            deleteRecursively(dataDirectory);
        }
    }

    private Map<String, String> serverConfig(String voters, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        // Each node is broker and controller; alone, it is the whole cluster with a single-voter quorum.
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(nodeId));
        settings.put("controller.quorum.voters", voters);
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        // Loopback only: a laptop broker is never reachable from the network.
        settings.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + port);
        settings.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("inter.broker.listener.name", BROKER_LISTENER);
        settings.put("log.dirs", dataDirectory.toString());
        // A single node cannot hold three replicas: internal topics (consumer offsets, transaction
        // state for exactly-once, share groups) must ask for one, or nothing that uses them starts.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the default 50: a laptop has few groups and two cores.
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.num.partitions", "5");
        // No other member will join late on a single machine: do not hold up every first rebalance.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Every topic is created on purpose, with its partition count and cleanup policy: a client asking for a
        // topic before its owner made it would otherwise get one with the broker's defaults (one partition, not
        // compacted), which callstream then refuses or, worse, keeps.
        settings.put("auto.create.topics.enable", "false");
        // The log cleaner's default 128 MiB dedupe buffer is most of a laptop broker's memory.
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        settings.putAll(overrides);
        return settings;
    }

    private void formatIfNew() {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(dataDirectory.toString()))
                    .setMetadataLogDirectory(dataDirectory.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDirectory, e);
        }
    }

    private static Properties toProperties(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}", directory, e);
        }
    }
}
