package io.callstream.benchmarks;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.callstream.kafka.local.LocalKafkaBroker;

/**
 * A Kafka broker in a JVM of its own, on a free loopback port, for the benchmarks that measure the
 * edge's jar against an external broker (what a production edge talks to) rather than the launcher's
 * broker in the same JVM. Prints {@code == broker at host:port}, runs until killed, deletes its data.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.callstream.benchmarks.LoopbackBroker
 * </pre>
 */
public final class LoopbackBroker {

    private LoopbackBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalKafkaBroker broker = LocalKafkaBroker.startEphemeral(Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("== broker at " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
