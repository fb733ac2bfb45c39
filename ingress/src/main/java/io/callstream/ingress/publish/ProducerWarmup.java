package io.callstream.ingress.publish;

import java.time.Duration;

import io.callstream.ingress.eventstopic.EventsTopic;
import io.callstream.ingress.eventstopic.EventsTopicSetup;
import io.callstream.schema.CtiEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Makes sure the events topic exists, creates the producer and fetches the topic's metadata once
 * the application is ready, in the background, so that the first PBX request does not pay for them
 * (about half a second).
 */
public final class ProducerWarmup implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmup.class);

    private final KafkaTemplate<String, CtiEvent> template;
    private final Scheduler scheduler;
    private final EventsTopic topic;
    private final Duration timeout;

    /** @param topic made sure of before the metadata is fetched, which would otherwise have it created with defaults */
    public ProducerWarmup(KafkaTemplate<String, CtiEvent> template, Scheduler scheduler, EventsTopic topic,
            Duration timeout) {
        this.template = template;
        this.scheduler = scheduler;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Mono.fromCallable(() -> {
                    topic.ensureExists(timeout);
                    return template.partitionsFor(topic.name());
                })
                .subscribeOn(scheduler)
                .timeout(timeout)
                .subscribe(
                        partitions -> log.info("Publishing CTI events to {} ({} partitions)", topic.name(),
                                partitions.size()),
                        error -> {
                            if (error instanceof EventsTopicSetup.PartitionCountMismatchException mismatch) {
                                log.error(mismatch.getMessage());
                            } else {
                                log.warn("Kafka not reachable yet ({}); events are spooled until it is", error.toString());
                            }
                        });
    }
}
