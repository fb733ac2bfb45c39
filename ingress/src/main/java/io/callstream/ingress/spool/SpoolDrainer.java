package io.callstream.ingress.spool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private final String topic;
    private final Duration sendTimeout;
    private final Counter drained;
    private final KafkaClientMetrics producerMetrics;
    private Thread thread;
    private volatile boolean running = true;

    /**
     * @param sendTimeout how long a batch may wait for Kafka before it is sent again
     */
    public SpoolDrainer(EventSpool spool, Producer<String, byte[]> producer, String topic, Duration sendTimeout,
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
     * Sends everything in the spool once, retrying failed batches until {@code deadline} passes.
     *
     * @return events sent
     */
    public long drainOnce(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long sent = 0;
        Duration pause = FIRST_PAUSE;
        SpoolLog.Position from = spool.firstUndrained();
        while (spool.events() > 0 && System.nanoTime() < deadline) {
            try {
                List<SpoolLog.Entry> batch = spool.read(from, BATCH_EVENTS, BATCH_BYTES);
                if (batch.isEmpty()) {
                    break;
                }
                send(batch);
                from = batch.get(batch.size() - 1).end();
                sent += batch.size();
                pause = FIRST_PAUSE;
            } catch (Exception failure) {
                log.warn("Sending the spool in {} to Kafka failed; retrying: {}", spool.directory(), failure.toString());
                Thread.sleep(pause.toMillis());
                pause = longer(pause);
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
        SpoolLog.Position from = spool.firstUndrained();
        Duration pause = FIRST_PAUSE;
        boolean failing = false;
        while (running) {
            try {
                List<SpoolLog.Entry> batch = spool.read(from, BATCH_EVENTS, BATCH_BYTES);
                if (batch.isEmpty()) {
                    spool.awaitWritten(IDLE_WAIT);
                    continue;
                }
                send(batch);
                from = batch.get(batch.size() - 1).end();
                pause = FIRST_PAUSE;
                failing = false;
            } catch (InterruptedException e) {
                return;
            } catch (Exception failure) {
                if (!failing) {
                    log.warn("Kafka does not take the spooled events yet; retrying until it does: {}", failure.toString());
                    failing = true;
                }
                if (!sleep(pause)) {
                    return;
                }
                pause = longer(pause);
            }
        }
    }

    /** Sends the batch and checkpoints it once Kafka acknowledged every event of it. */
    private void send(List<SpoolLog.Entry> batch) throws Exception {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        for (SpoolLog.Entry entry : batch) {
            acknowledgements.add(producer.send(new ProducerRecord<>(topic, entry.event().key(), entry.event().value())));
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

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }
}
