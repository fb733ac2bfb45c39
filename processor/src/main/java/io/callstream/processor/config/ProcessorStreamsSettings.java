package io.callstream.processor.config;

import java.util.HashMap;
import java.util.Map;

import io.callstream.processor.errors.DeadLetterDeserializationHandler;
import io.callstream.processor.errors.DeadLetterProcessingHandler;
import io.callstream.processor.errors.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the processor's application, on top of {@code spring.kafka.streams.*}. */
final class ProcessorStreamsSettings {

    private ProcessorStreamsSettings() {
    }

    static Map<String, Object> of(Map<String, Object> springSettings, ProcessorProperties properties,
            String applicationServer, DeadLetters deadLetters) {
        Map<String, Object> settings = new HashMap<>(springSettings);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        // Analytics get every change of a call exactly once, also across crashes and restarts.
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // -1: the broker's default replication, so one setting fits a laptop and a cluster.
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG,
                properties.replicationFactor() == null ? -1 : (int) properties.replicationFactor());
        settings.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDirectory().toString());
        settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        // Where this instance's query API is, so any instance can send a query to the owner of a call.
        settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        // A bad record goes to the dead-letter topic and processing carries on.
        settings.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        settings.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        settings.put(DeadLetters.SETTINGS_KEY, deadLetters);
        if (properties.groupInstanceId() != null && !properties.groupInstanceId().isBlank()) {
            settings.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                    properties.groupInstanceId());
        }
        // One bound for the memory of every store, however many stores and tasks the instance has.
        settings.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        settings.put(BoundedRocksDbMemory.TOTAL_BYTES, properties.rocksdbMemory().toBytes());
        // Stores and internal topics keep their names when the topology changes.
        settings.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return settings;
    }
}
