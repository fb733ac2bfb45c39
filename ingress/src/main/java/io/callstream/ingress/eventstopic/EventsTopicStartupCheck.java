package io.callstream.ingress.eventstopic;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops the start when the events topic exists with another partition count than configured, if
 * Kafka answers within a few seconds; an edge starting while Kafka is away starts anyway (its
 * events are spooled), and whatever first sends to the topic once Kafka is there checks again
 * ({@link EventsTopic#ensureExists}).
 */
public final class EventsTopicStartupCheck implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EventsTopicStartupCheck.class);

    private final EventsTopic topic;
    private final Duration patience;

    public EventsTopicStartupCheck(EventsTopic topic, Duration patience) {
        this.topic = topic;
        this.patience = patience;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        try {
            topic.ensureExists(patience);
        } catch (EventsTopicSetup.PartitionCountMismatchException refused) {
            throw refused;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception notReachable) {
            log.warn("Cannot check the events topic yet ({}); checking again once Kafka answers", notReachable.toString());
        }
    }
}
