package io.callstream.ingress.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer settings the edge's promises depend on, on top of {@code spring.kafka.producer.*}. */
public final class CtiProducerSettings {

    private CtiProducerSettings() {
    }

    public static Map<String, Object> of(Map<String, Object> springSettings, Duration publishTimeout) {
        Map<String, Object> settings = new HashMap<>(springSettings);
        int timeoutMs = Math.toIntExact(publishTimeout.toMillis());
        // A 200 promises the event survives losing a broker: wait for every in-sync replica.
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries after a lost acknowledgement must neither duplicate nor reorder a call's events.
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Each PBX request waits for its own acknowledgement, so any batching delay (5 ms by default
        // since Kafka 4) is added to every answer; under load batches still form while a send is in flight.
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A partition whose leader moves (a broker restarts) answers NOT_LEADER until the client sees the
        // new one; Kafka backs off exponentially up to 1 s between retries, half the time a PBX waits.
        settings.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 250);
        // Give up when the PBX's answer gives up: send() blocks no longer than that, and a record
        // answered with 503 does not linger in the producer for the default two minutes.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "callstream-ingress");
        return settings;
    }

    /** For the spool's drainer: no PBX waits, so a send may wait for Kafka as long as Kafka's defaults allow. */
    public static Map<String, Object> forSpool(Map<String, Object> springSettings) {
        Map<String, Object> settings = new HashMap<>(springSettings);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // A batch sent again after a failure must not reorder a call's events behind later ones.
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, settings.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG,
                "callstream-ingress") + "-spool");
        return settings;
    }
}
