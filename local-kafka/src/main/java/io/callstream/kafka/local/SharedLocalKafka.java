package io.callstream.kafka.local;

import java.util.Map;

/**
 * One ephemeral broker per JVM, started on first use and closed when the JVM exits: integration
 * tests of a module share it instead of starting a broker per test class (two cores go a long way
 * only this way).
 */
public final class SharedLocalKafka {

    private static LocalKafkaBroker broker;

    private SharedLocalKafka() {
    }

    public static synchronized LocalKafkaBroker broker() {
        if (broker == null) {
            broker = LocalKafkaBroker.startEphemeral(Map.of());
            LocalKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-shutdown"));
        }
        return broker;
    }
}
