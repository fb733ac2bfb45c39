package io.callstream.ingress.spool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.callstream.ingress.eventstopic.EventsTopic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the spool to Kafka, oldest first, in batches: a batch is checkpointed once Kafka
 * acknowledged all of it. A batch that fails is sent again from its start after a pause (the
 * events that did arrive then arrive twice, with the same event ids: the processor counts each id
 * once). Runs on its own thread until closed; {@link #drainOnce} is the drain command's loop.
 * Owns its producer: closing the drainer closes it.
 */
public final class SpoolDrainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpoolDrainer.class);
    private static final int BATCH_EVENTS = 500;
    private static final int BATCH_BYTES = 1024 * 1024;
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final EventSpool spool;
    private final Producer<String, byte[]> producer;
    private final EventsTopic topic;
    private final Duration sendTimeout;
    private final Counter drained;
    private final KafkaClientMetrics producerMetrics;
    private Thread thread;
    private volatile boolean running = true;

    /**
     * @param sendTimeout how long a batch may wait for Kafka before it is sent again
     */
    public SpoolDrainer(EventSpool spool, Producer<String, byte[]> producer, EventsTopic topic, Duration sendTimeout,
            MeterRegistry meters) {
        this.spool = spool;
        this.producer = producer;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
        this.drained = Counter.builder("callstream.spool.drained")
                .description("Spooled CTI events sent to Kafka (their rate is the drain rate)")
                .baseUnit("events")
                .register(meters);
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
    }

    /** Starts draining in the background. */
    public SpoolDrainer start() {
        thread = new Thread(this::drainUntilClosed, "cti-spool-drainer");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /**
     * Sends everything in the spool once, retrying failed batches until {@code patience} has passed.
     *
     * @return events sent
     */
    public long drainOnce(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long sent = 0;
        Drain drain = new Drain();
        while (spool.events() > 0 && System.nanoTime() < deadline) {
            try {
                int batch = drain.nextBatch();
                if (batch == 0) {
                    break;
                }
                sent += batch;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception failure) {
                log.warn("Sending the spool in {} to Kafka failed; retrying: {}", spool.directory(), failure.toString());
                drain.pauseAfterFailure();
            }
        }
        return sent;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(sendTimeout.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }

    private void drainUntilClosed() {
        Drain drain = new Drain();
        boolean failing = false;
        try {
            while (running) {
                try {
                    if (drain.nextBatch() == 0) {
                        spool.awaitWritten(IDLE_WAIT);
                    } else {
                        failing = false;
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception failure) {
                    if (!failing) {
                        log.warn("Kafka does not take the spooled events yet; retrying until it does: {}", failure.toString());
                        failing = true;
                    }
                    drain.pauseAfterFailure();
                }
            }
        } catch (InterruptedException closed) {
            // close() interrupts the thread: the undrained events stay in the spool for the next start
        }
    }

    /** One drain loop's place in the spool and its pause after a failure, which doubles up to a limit. */
    private final class Drain {

        private SpoolLog.Position from = spool.firstUndrained();
        private Duration pause = FIRST_PAUSE;

        /** Sends the next batch after the last one sent; returns its events, 0 when nothing follows it yet. */
        int nextBatch() throws Exception {
            List<SpoolLog.Entry> batch = spool.read(from, BATCH_EVENTS, BATCH_BYTES);
            if (batch.isEmpty()) {
                return 0;
            }
            send(batch);
            from = batch.get(batch.size() - 1).end();
            pause = FIRST_PAUSE;
            return batch.size();
        }

        /** A failed batch is sent again from its start, after this pause. */
        void pauseAfterFailure() throws InterruptedException {
            Thread.sleep(pause.toMillis());
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
        }
    }

    /** Sends the batch and checkpoints it once Kafka acknowledged every event of it. */
    private void send(List<SpoolLog.Entry> batch) throws Exception {
        topic.ensureExists(sendTimeout);
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        for (SpoolLog.Entry entry : batch) {
            acknowledgements.add(producer.send(new ProducerRecord<>(topic.name(), entry.event().key(),
                    entry.event().value())));
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            } catch (TimeoutException late) {
                throw new TimeoutException("no acknowledgement from Kafka within " + sendTimeout);
            }
        }
        spool.drained(batch);
        drained.increment(batch.size());
    }
}
