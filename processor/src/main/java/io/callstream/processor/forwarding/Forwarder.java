package io.callstream.processor.forwarding;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.callstream.processor.errors.DeadLetters;
import io.callstream.processor.sites.ProcessorSites;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Forwarding;
import io.callstream.schema.SiteConfig;
import io.callstream.schema.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards every CTI event of each site that has a forwarding target to that Zammad, as the PBX
 * posted it, so that Zammad's caller pop-ups and caller log keep working beside callstream. One
 * consumer group over the events topic, shared by all processor instances: each event is posted by
 * one of them. Per site a {@link SiteLane} posts in the polled order (per call the edge's order, a
 * call's events sharing a partition) and retries while its Zammad is away without holding up the
 * other sites; a partition is committed up to its oldest event not yet settled, so a restart may
 * post again what was in flight, never skip anything. Events Zammad refuses for good go to the
 * dead-letter topic with the reason.
 */
public final class Forwarder implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** Unsettled events across all lanes before polling pauses, so a long outage cannot fill the heap. */
    static final int MAX_UNSETTLED = 100_000;

    private final Map<String, Object> consumerSettings;
    private final TopicNames topics;
    private final ProcessorSites sites;
    private final ZammadClient zammad;
    private final DeadLetters deadLetters;
    private final ForwardingMeters.Factory meters;
    private final Clock clock;
    private final OffsetTracker offsets = new OffsetTracker();
    private final Map<String, SiteLane> lanes = new ConcurrentHashMap<>();
    private final Deserializer<CtiEvent> events = AvroSerde.of(CtiEvent.class).deserializer();
    private final ScheduledExecutorService workers;
    private volatile boolean running = true;
    private volatile boolean following;

    Forwarder(Map<String, Object> consumerSettings, TopicNames topics, ProcessorSites sites, ZammadClient zammad,
            DeadLetters deadLetters, ForwardingMeters.Factory meters, Clock clock, int postingThreads) {
        this.consumerSettings = consumerSettings;
        this.topics = topics;
        this.sites = sites;
        this.zammad = zammad;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.clock = clock;
        this.workers = Executors.newScheduledThreadPool(postingThreads, runnable -> {
            Thread thread = new Thread(runnable, "forwarder-post");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether this instance's copy of the sites says that {@code site} forwards its events now. */
    public boolean forwards(String site) {
        return target(site).isPresent();
    }

    /** Whether this instance owns partitions of the events topic (and so forwards their events). */
    public boolean isFollowing() {
        return following;
    }

    @Override
    public void run() {
        while (running && !sites.isReady()) {
            sleep(POLL);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                ForwardingMeters.Binding consumerMeters = meters.consumer(consumer)) {
            consumer.subscribe(List.of(topics.ctiEvents()), new Rebalance(consumer));
            long lastCommit = System.nanoTime();
            while (running) {
                consumer.poll(POLL).forEach(this::dispatch);
                throttle(consumer);
                if (System.nanoTime() - lastCommit > COMMIT_INTERVAL.toNanos()) {
                    commit(consumer, offsets.positions());
                    lastCommit = System.nanoTime();
                }
            }
            commit(consumer, offsets.positions());
        } catch (KafkaException | IllegalStateException e) {
            if (running) {
                log.error("The forwarder stopped: {}", e.toString());
            }
        }
    }

    void stop() {
        running = false;
        workers.shutdownNow();
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        offsets.polled(partition, record.offset());
        CtiEvent event;
        try {
            event = events.deserialize(record.topic(), record.value());
        } catch (RuntimeException unreadable) {
            log.warn("Event {}-{}@{} cannot be read; not forwarded: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.toString());
            offsets.settled(partition, record.offset());
            return;
        }
        if (event == null || target(event.getSite()).isEmpty()) {
            offsets.settled(partition, record.offset());
            return;
        }
        lanes.computeIfAbsent(event.getSite(), this::lane)
                .add(new SiteLane.Pending(partition, record.offset(), event, record.key(), record.value()));
    }

    private SiteLane lane(String site) {
        return new SiteLane(site, this::target, zammad, workers, offsets, this::park, meters, clock);
    }

    private Optional<String> target(String site) {
        return sites.site(site).map(SiteConfig::getForwarding).filter(Forwarding::getEnabled).map(Forwarding::getUrl);
    }

    private void park(SiteLane.Pending pending, String reason) {
        log.warn("Zammad refused event {} of site {} for good; it is on {}: {}", pending.event().getEventId(),
                pending.event().getSite(), topics.deadLetters(), reason);
        deadLetters.send(pending.partition().topic(), pending.partition().partition(), pending.offset(), pending.key(),
                pending.value(), new ZammadRefusedEvent(reason), "forwarder");
    }

    private void throttle(KafkaConsumer<byte[], byte[]> consumer) {
        if (offsets.unsettled() > MAX_UNSETTLED && consumer.paused().isEmpty()) {
            log.warn("{} events wait for their Zammad; pausing the events topic until half of them are through",
                    offsets.unsettled());
            consumer.pause(consumer.assignment());
        } else if (offsets.unsettled() < MAX_UNSETTLED / 2 && !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private static void commit(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> positions) {
        if (positions.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(positions);
        } catch (KafkaException e) {
            log.warn("Forwarded positions not committed (a restart posts those events again): {}", e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Partitions leaving: commit what is settled, let their waiting events go to the new owner. */
    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> consumer;

        Rebalance(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(consumer, offsets.positions(partitions));
            lanes.values().forEach(lane -> lane.drop(partitions));
            offsets.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            lanes.values().forEach(lane -> lane.drop(partitions));
            offsets.forget(partitions);
        }

        /** A partition the group never committed starts at its end: pin that, so a crash cannot skip what follows. */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (committed.get(partition) == null) {
                    starts.put(partition, new OffsetAndMetadata(consumer.position(partition)));
                }
            }
            commit(consumer, starts);
            following = !consumer.assignment().isEmpty();
        }
    }
}
