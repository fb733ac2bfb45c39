package io.callstream.processor.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.callstream.schema.TopicNames;
import io.callstream.sites.store.SitesTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure the topics the processor reads and writes exist before it starts. The commands topic
 * gets exactly as many partitions as the events topic: Kafka Streams puts partition n of both into
 * one task, which is where a call's events and commands must meet.
 */
final class ProcessorTopics {

    private static final Duration LEADERS_WITHIN = Duration.ofSeconds(30);

    private final Admin admin;
    private final TopicNames topics;
    private final ProcessorProperties properties;

    ProcessorTopics(Admin admin, TopicNames topics, ProcessorProperties properties) {
        this.admin = admin;
        this.topics = topics;
        this.properties = properties;
    }

    void ensure() throws ExecutionException, InterruptedException {
        int eventPartitions = partitions(topics.ctiEvents())
                .orElseGet(() -> create(topic(topics.ctiEvents(), properties.eventsTopicPartitions(), Map.of())));
        int commandPartitions = partitions(topics.callCommands())
                .orElseGet(() -> create(topic(topics.callCommands(), eventPartitions, Map.of())));
        if (commandPartitions != eventPartitions) {
            throw new IllegalStateException(topics.callCommands() + " has " + commandPartitions + " partitions and "
                    + topics.ctiEvents() + " " + eventPartitions + "; they must have the same number");
        }
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        List<NewTopic> others = List.of(
                topic(topics.callRecords(), eventPartitions, compacted),
                topic(topics.callStats(), eventPartitions, compacted),
                topic(topics.contacts(), 1, compacted),
                SitesTopic.definition(topics.sites(), properties.replicationFactor(), SitesTopic.DEFAULT_MAX_RECORD_BYTES),
                topic(topics.deadLetters(), 1, Map.of()));
        List<String> ensured = new ArrayList<>(List.of(topics.ctiEvents(), topics.callCommands()));
        for (NewTopic topic : others) {
            if (partitions(topic.name()).isEmpty()) {
                create(topic);
            }
            ensured.add(topic.name());
        }
        awaitLeaders(ensured);
    }

    /**
     * A topic just created can be missing from a broker's metadata for a moment, and Kafka Streams does not wait
     * for it: a global store whose topic has no partitions yet fails the whole application at start.
     */
    private void awaitLeaders(List<String> names) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + LEADERS_WITHIN.toNanos();
        while (!haveLeaders(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processor's topics have no leaders yet: " + names);
            }
            Thread.sleep(100);
        }
    }

    private boolean haveLeaders(List<String> names) throws ExecutionException, InterruptedException {
        try {
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .allMatch(topic -> !topic.partitions().isEmpty()
                            && topic.partitions().stream().allMatch(partition -> partition.leader() != null));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private Optional<Integer> partitions(String topic) throws ExecutionException, InterruptedException {
        Set<String> names = admin.listTopics().names().get();
        if (!names.contains(topic)) {
            return Optional.empty();
        }
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return Optional.of(description.partitions().size());
    }

    private NewTopic topic(String name, int partitions, Map<String, String> configs) {
        return new NewTopic(name, Optional.of(partitions), Optional.ofNullable(properties.replicationFactor()))
                .configs(configs);
    }

    /** Creates the topic (another instance may just have done so) and returns its partition count. */
    private int create(NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
            return topic.numPartitions();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                try {
                    return partitions(topic.name()).orElseThrow();
                } catch (ExecutionException | InterruptedException again) {
                    throw new IllegalStateException("cannot describe " + topic.name(), again);
                }
            }
            throw new IllegalStateException("cannot create " + topic.name(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
