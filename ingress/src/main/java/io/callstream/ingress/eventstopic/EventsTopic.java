package io.callstream.ingress.eventstopic;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The topic the edge publishes CTI events to. Whatever sends to it calls {@link #ensureExists} first: a
 * Kafka producer cannot be kept from having a missing topic created with the broker's defaults (one
 * partition, typically), and an edge that started while Kafka was away would otherwise leave the topic
 * so, to be refused at its next start.
 */
public interface EventsTopic {

    /** The topic's name in this deployment (behind its prefix). */
    String name();

    /**
     * Returns once the topic exists as the edge is configured to create it; at once after the first time.
     *
     * @throws EventsTopicSetup.PartitionCountMismatchException when it exists with another partition count
     */
    void ensureExists(Duration timeout) throws ExecutionException, InterruptedException, TimeoutException;
}
