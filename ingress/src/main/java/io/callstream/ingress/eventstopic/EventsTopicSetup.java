package io.callstream.ingress.eventstopic;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the events topic when it is missing, as configured ({@code callstream.ingress.events-topic.*},
 * replication factor and {@code min.insync.replicas} from the cluster's defaults unless set), and
 * never changes an existing one: a different partition count would send a call's later events to
 * another partition than its earlier ones, so the edge refuses to go on instead.
 */
public final class EventsTopicSetup implements EventsTopic {

    private final Admin admin;
    private final NewTopic wanted;
    private volatile boolean exists;

    public EventsTopicSetup(Admin admin, NewTopic wanted) {
        this.admin = admin;
        this.wanted = wanted;
    }

    @Override
    public String name() {
        return wanted.name();
    }

    @Override
    public void ensureExists(Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
        if (!exists) {
            ensure(timeout);
            exists = true;
        }
    }

    /**
     * @return the topic's partition count
     * @throws PartitionCountMismatchException when the topic exists with another partition count
     */
    public int ensure(Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
        Optional<Integer> existing = partitions(timeout);
        if (existing.isEmpty()) {
            try {
                admin.createTopics(List.of(wanted)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return wanted.numPartitions();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existing = partitions(timeout);
            }
        }
        int partitions = existing.orElseThrow();
        if (partitions != wanted.numPartitions()) {
            throw new PartitionCountMismatchException(wanted.name(), partitions, wanted.numPartitions());
        }
        return partitions;
    }

    private Optional<Integer> partitions(Duration timeout) throws ExecutionException, InterruptedException,
            TimeoutException {
        try {
            return Optional.of(admin.describeTopics(List.of(wanted.name())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(wanted.name()).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The events topic exists with a partition count the edge is not configured for. */
    public static final class PartitionCountMismatchException extends IllegalStateException {

        PartitionCountMismatchException(String topic, int existing, int configured) {
            super(topic + " has " + existing + " partitions, but callstream.ingress.events-topic.partitions"
                    + " is " + configured + ". callstream never changes the partition count of an existing topic: its"
                    + " calls' later events would land on other partitions than their earlier ones. Set"
                    + " callstream.ingress.events-topic.partitions=" + existing + " (CALLSTREAM_INGRESS_EVENTS_TOPIC_PARTITIONS).");
        }
    }
}
