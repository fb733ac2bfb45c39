package io.callstream.processor.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.callstream.processor.query.CallView;
import io.callstream.schema.AvroSerde;
import io.callstream.schema.CallRecord;
import io.callstream.schema.CallStats;
import io.callstream.schema.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * Call-record changes and statistics updates as they are committed, for one client: a consumer of
 * its own reads every partition of both output topics (so any instance streams every site), from
 * the position the client resumes at or from now. Every event's id is the position after it
 * ({@link LivePosition}); the first event ({@code position}) names where the stream starts.
 */
public final class LiveFeed {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Map<String, Object> consumerSettings;
    private final TopicNames topics;
    private final Scheduler pollers;
    /** Built once: a serde reads every published schema version when it is made. */
    private final AvroSerde<CallRecord> records = AvroSerde.of(CallRecord.class);
    private final AvroSerde<CallStats> statistics = AvroSerde.of(CallStats.class);

    /** @param consumerSettings the application's Kafka consumer settings (bootstrap servers, security) */
    public LiveFeed(Map<String, Object> consumerSettings, TopicNames topics, Scheduler pollers) {
        this.topics = topics;
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // A page opened before the processor made its topics must not get them made with the broker's defaults.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumerSettings = Map.copyOf(settings);
        this.pollers = pollers;
    }

    /** @param site only this site's changes; null for all */
    public Flux<ServerSentEvent<Object>> events(Optional<LivePosition> resumeAt, String site) {
        Flux<ServerSentEvent<Object>> changes = Flux.<ServerSentEvent<Object>>create(sink -> {
            AtomicBoolean stopped = new AtomicBoolean();
            sink.onDispose(() -> stopped.set(true));
            pollers.schedule(() -> follow(sink, stopped, resumeAt, site));
        }, FluxSink.OverflowStrategy.BUFFER);
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
        return changes.mergeWith(heartbeats);
    }

    private void follow(FluxSink<ServerSentEvent<Object>> sink, AtomicBoolean stopped, Optional<LivePosition> resumeAt,
            String site) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.callRecords(), topics.callStats())) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            LivePosition position = LivePosition.empty();
            for (TopicPartition partition : partitions) {
                long next = resumeAt.flatMap(resume -> resume.next(partition)).orElse(ends.get(partition));
                consumer.seek(partition, next);
                position = position.at(partition, next);
            }
            sink.next(ServerSentEvent.builder().id(position.id()).event("position").data(Map.of("resumed", resumeAt.isPresent()))
                    .build());
            while (!stopped.get()) {
                if (sink.requestedFromDownstream() <= 0) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    position = position.at(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    toEvent(record, site, position).ifPresent(sink::next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped.get()) {
                log.warn("Live stream ended: {}", e.toString());
                sink.error(e);
            }
        }
    }

    private Optional<ServerSentEvent<Object>> toEvent(ConsumerRecord<String, byte[]> record, String site,
            LivePosition position) {
        if (record.value() == null) {
            return Optional.empty();
        }
        if (record.topic().equals(topics.callRecords())) {
            CallRecord call = records.decode(record.value());
            return site != null && !site.equals(call.getSite()) ? Optional.empty()
                    : Optional.of(ServerSentEvent.builder().id(position.id()).event("call").data((Object) CallView.of(call))
                            .build());
        }
        CallStats stats = statistics.decode(record.value());
        return site != null && !site.equals(stats.getSite()) ? Optional.empty()
                : Optional.of(ServerSentEvent.builder().id(position.id()).event("stats")
                        .data((Object) LiveStats.of(record.key(), stats)).build());
    }
}
