package io.callstream.kafka.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * One node of a {@link LocalKafkaCluster}, in a JVM of its own so that it can be killed like a real
 * broker: {@code java -cp ... LocalKafkaClusterNode DATA_DIR NODE_ID PORT CONTROLLER_PORT VOTERS CLUSTER_ID}.
 * Prints {@code == node N at 127.0.0.1:PORT} once it serves; SIGTERM shuts it down in a controlled way.
 */
public final class LocalKafkaClusterNode {

    /**
     * What a three-node cluster promises: every write on three replicas, acknowledged by at least two.
     * Brokers heartbeat every 500 ms instead of 2 s: a controlled shutdown moves a broker's leaders
     * on its next heartbeat, and until then writes to them wait.
     */
    static final Map<String, String> REPLICATED = Map.of(
            "broker.heartbeat.interval.ms", "500",
            "broker.session.timeout.ms", "3000",
            "default.replication.factor", "3",
            "min.insync.replicas", "2",
            "offsets.topic.replication.factor", "3",
            "transaction.state.log.replication.factor", "3",
            "transaction.state.log.min.isr", "2",
            "share.coordinator.state.topic.replication.factor", "3",
            "share.coordinator.state.topic.min.isr", "2");

    private LocalKafkaClusterNode() {
    }

    public static void main(String[] args) {
        LocalKafkaBroker node = LocalKafkaBroker.clusterNode(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], args[5], REPLICATED);
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "node-shutdown"));
        node.start();
        System.out.println("== node " + args[1] + " at " + node.bootstrapServers());
    }
}
