package io.callstream.sites.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.callstream.schema.AvroSerde;
import io.callstream.schema.SiteConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes site changes so that every instance ends up with the same sites, whoever writes and
 * however often compaction runs.
 *
 * <p>All edge instances share one transactional id for these writes. Kafka lets only the producer
 * that last initialised it commit, so holding it is a lease: a writer that lost it gets fenced at
 * commit (or sees the coordinator's errors while another writer takes over), and tries again with
 * the lease and a fresh view. Before a change is computed this
 * instance reads the topic up to its committed end, so the change always starts from the latest
 * committed version of the site; the topic thus only ever holds serialised versions, and replaying
 * it (compacted or not) gives every instance the same result. A write returns once this instance
 * serves it.
 */
public final class SiteWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteWriter.class);
    private static final Serializer<SiteConfig> VALUES = AvroSerde.of(SiteConfig.class).serializer();
    private static final int MAX_ATTEMPTS = 10;
    /** After losing the lease, wait a little so that the new holder can finish its write. */
    private static final int MAX_BACK_OFF_MS = 100;

    private final Supplier<Producer<String, SiteConfig>> producers;
    private final Admin admin;
    private final SiteStore store;
    private final Duration timeout;
    private final String topic;
    private final TopicPartition partition;
    private final int maxRecordBytes;
    private final Clock clock;
    private Producer<String, SiteConfig> producer;

    /**
     * @param producers makes a producer with the shared transactional id; initialising it takes the lease
     * @param timeout   how long one step (lease, catch-up, write, confirmation) may take
     * @param topic     the sites topic's name in this deployment
     * @param maxRecordBytes the sites topic's {@code max.message.bytes}
     */
    public SiteWriter(Supplier<Producer<String, SiteConfig>> producers, Admin admin, SiteStore store, Duration timeout,
            String topic, int maxRecordBytes, Clock clock) {
        this.producers = producers;
        this.admin = admin;
        this.store = store;
        this.timeout = timeout;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.maxRecordBytes = maxRecordBytes;
        this.clock = clock;
    }

    /**
     * Applies {@code change} to the latest committed version of the site and waits until this
     * instance serves the result.
     *
     * @return the version written, or empty if the change had nothing to write
     */
    public synchronized Optional<SiteConfig> write(String siteId, SiteChange change) {
        String changeId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            Producer<String, SiteConfig> leaseHolder = lease();
            catchUp(committedEnd());
            if (store.hasApplied(changeId)) {
                // An earlier attempt did commit although its commit call failed.
                return store.site(siteId);
            }
            Optional<SiteConfig.Builder> edited = change.apply(store.site(siteId));
            if (edited.isEmpty()) {
                return Optional.empty();
            }
            SiteConfig next = edited.get().setChangeId(changeId).setUpdatedAt(clock.instant()).build();
            refuseIfTooLarge(siteId, next);
            try {
                leaseHolder.beginTransaction();
                RecordMetadata written = leaseHolder.send(new ProducerRecord<>(topic, siteId, next))
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                leaseHolder.commitTransaction();
                catchUp(written.offset() + 1);
                return Optional.of(next);
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
                if (timedOut(failure)) {
                    throw abandon("Kafka did not take the site change in time", failure);
                }
                retryUnderANewLease(attempt, failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw abandon("interrupted", e);
            }
        }
    }

    /** Before the transaction: a record the topic cannot take would only fail there, as a timeout. */
    private void refuseIfTooLarge(String siteId, SiteConfig site) {
        int bytes = siteId.getBytes(StandardCharsets.UTF_8).length + VALUES.serialize(topic, site).length;
        int room = maxRecordBytes - SitesTopic.BATCH_OVERHEAD_BYTES;
        if (bytes > room) {
            throw new SiteTooLargeException(bytes, room);
        }
    }

    @Override
    public synchronized void close() {
        closeProducer();
    }

    private Producer<String, SiteConfig> lease() {
        if (producer == null) {
            Producer<String, SiteConfig> candidate = producers.get();
            try {
                candidate.initTransactions();
            } catch (KafkaException e) {
                candidate.close(Duration.ZERO);
                throw new SiteStoreUnavailableException("cannot take the sites writer lease: " + e.getMessage(), e);
            }
            producer = candidate;
        }
        return producer;
    }

    private long committedEnd() {
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .offset();
        } catch (ExecutionException | TimeoutException e) {
            throw new SiteStoreUnavailableException("cannot read the end of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SiteStoreUnavailableException("interrupted", e);
        }
    }

    private void catchUp(long offset) {
        try {
            if (!store.awaitPosition(offset, timeout)) {
                throw new SiteStoreUnavailableException("this instance did not read " + topic
                        + " up to offset " + offset + " within " + timeout, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SiteStoreUnavailableException("interrupted", e);
        }
    }

    /**
     * Kafka is away or slow: answer now rather than retry. Every other failure of an attempt (lost
     * lease, fenced or aborted transaction, the coordinator's own errors while another writer takes
     * over) is retried under a new lease: the retry starts from the committed end of the topic and
     * recognises its own change if it did commit, so it never applies a change twice.
     */
    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void retryUnderANewLease(int attempt, Throwable failure) {
        log.info("Site change not committed ({}); retrying under a new lease", failure.getMessage());
        closeProducer();
        if (attempt >= MAX_ATTEMPTS) {
            throw new SiteStoreUnavailableException("the site change failed " + attempt + " times in a row", failure);
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(MAX_BACK_OFF_MS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SiteStoreUnavailableException("interrupted", e);
        }
    }

    private SiteStoreUnavailableException abandon(String message, Throwable cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException alreadyBroken) {
            closeProducer();
        }
        return new SiteStoreUnavailableException(message + ": " + cause, cause);
    }


    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
