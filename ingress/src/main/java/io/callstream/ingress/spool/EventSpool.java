package io.callstream.ingress.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's durable spool: events Kafka could not take in time wait here, on local disk, until
 * the {@link SpoolDrainer} has sent them. An append completes once its record is forced to disk;
 * appends that arrive while a force is running are written and forced together (group commit), so
 * a burst costs one force, not one per event.
 *
 * <p>Holds the order: while the spool has events that are not in Kafka yet, every new event must
 * go through it too ({@link #appendIfSpooling}); only an empty spool lets events go to Kafka
 * directly again. Bounded: an append that would take the spool over its size fails at once.
 */
public final class EventSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventSpool.class);
    private static final int MAX_GROUP = 1_000;
    private static final int SEGMENT_BYTES = 8 * 1024 * 1024;

    private record PendingAppend(SpooledEvent event, CompletableFuture<Void> durable) {
    }

    private static final PendingAppend CLOSE = new PendingAppend(null, null);

    private final Path directory;
    private final SpoolLog files;
    private final long maxBytes;
    private final Clock clock;
    private final BlockingQueue<PendingAppend> pending = new LinkedBlockingQueue<>();
    private final Semaphore written = new Semaphore(0);
    private final Thread writer;
    private final Object gate = new Object();
    // Changed under the gate, read without it (metrics, health, the hand-over's check for room).
    private volatile long undrainedEvents;
    private volatile long undrainedBytes;
    private volatile long appendedTotal;
    private volatile Instant oldest;
    private volatile boolean broken;
    private volatile boolean closed;

    private EventSpool(Path directory, SpoolLog files, long maxBytes, Clock clock) {
        this.directory = directory;
        this.files = files;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.undrainedEvents = files.contents().events();
        this.undrainedBytes = files.contents().bytes();
        this.writer = new Thread(this::writeUntilClosed, "cti-spool-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens (or creates) the spool in {@code directory}, validating what an earlier run left there.
     *
     * @throws SpoolInUseException when another edge holds the directory
     */
    public static EventSpool open(Path directory, long maxBytes, Clock clock) {
        SpoolLog files = SpoolLog.open(directory, SEGMENT_BYTES);
        EventSpool spool = new EventSpool(directory, files, maxBytes, clock);
        if (spool.events() > 0) {
            log.info("The spool in {} holds {} events ({} bytes) from before; sending them to Kafka first",
                    directory, spool.events(), spool.bytes());
        }
        return spool;
    }

    /**
     * Appends the event if the spool still holds events that are not in Kafka, so that it stays
     * behind them; empty when the spool is empty and the event may go to Kafka directly.
     */
    public Optional<CompletableFuture<Void>> appendIfSpooling(String key, Supplier<byte[]> value) {
        synchronized (gate) {
            return undrainedEvents == 0 ? Optional.empty() : Optional.of(append(key, value.get()));
        }
    }

    /** Appends the event; the future completes once it is on disk, or fails when the spool is full or the disk fails. */
    public CompletableFuture<Void> append(String key, byte[] value) {
        SpooledEvent event = new SpooledEvent(clock.instant(), key, value);
        synchronized (gate) {
            if (closed || broken) {
                return CompletableFuture.failedFuture(new SpoolUnavailableException("the spool in " + directory
                        + (closed ? " is closed" : " cannot be written (see the earlier error)")));
            }
            int bytes = event.frameBytes();
            if (undrainedBytes + bytes > maxBytes) {
                return CompletableFuture.failedFuture(new SpoolUnavailableException("the spool in " + directory
                        + " is full (" + undrainedBytes + " of " + maxBytes + " bytes)"));
            }
            if (undrainedEvents == 0) {
                oldest = event.spooledAt();
                log.warn("Kafka did not take an event in time: events are spooled in {} until it does", directory);
            }
            undrainedEvents++;
            undrainedBytes += bytes;
            appendedTotal++;
            CompletableFuture<Void> durable = new CompletableFuture<>();
            pending.add(new PendingAppend(event, durable));
            return durable;
        }
    }

    /** Events not in Kafka yet, those still being written included. */
    public long events() {
        return undrainedEvents;
    }

    /** Events appended since the spool was opened. */
    public long appendedTotal() {
        return appendedTotal;
    }

    public long bytes() {
        return undrainedBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** When the oldest event not in Kafka yet was spooled; empty when the spool is empty. */
    public Optional<Instant> oldest() {
        return events() == 0 ? Optional.empty() : Optional.ofNullable(oldest);
    }

    /** How long the oldest event not in Kafka yet has waited; empty when the spool is empty. */
    public Optional<Duration> oldestAge() {
        return oldest().map(spooledAt -> Duration.between(spooledAt, clock.instant()));
    }

    /** False after the disk failed in a way the spool could not repair. */
    public boolean writable() {
        return !broken && !closed;
    }

    /** Whether an event of {@code bytes} would still fit. */
    public boolean hasRoomFor(long bytes) {
        return undrainedBytes + bytes <= maxBytes;
    }

    public Path directory() {
        return directory;
    }

    SpoolLog.Position firstUndrained() {
        return files.firstUndrained();
    }

    List<SpoolLog.Entry> read(SpoolLog.Position from, int maxEvents, int maxBytes) throws IOException {
        List<SpoolLog.Entry> entries = files.read(from, maxEvents, maxBytes);
        if (!entries.isEmpty()) {
            oldest = entries.get(0).event().spooledAt();
        }
        return entries;
    }

    /** Waits until something was written, or the timeout passed. */
    boolean awaitWritten(Duration timeout) throws InterruptedException {
        boolean any = written.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        written.drainPermits();
        return any;
    }

    /** The {@code entries} are in Kafka: moves the checkpoint past them. */
    void drained(List<SpoolLog.Entry> entries) throws IOException {
        files.commit(entries.get(entries.size() - 1).end());
        long bytes = entries.stream().mapToLong(SpoolLog.Entry::frameBytes).sum();
        synchronized (gate) {
            undrainedEvents -= entries.size();
            undrainedBytes -= bytes;
            if (undrainedEvents == 0) {
                log.info("The spool in {} is empty again: events go to Kafka directly", directory);
            }
        }
    }

    @Override
    public void close() {
        synchronized (gate) {
            closed = true;
        }
        pending.add(CLOSE);
        try {
            writer.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        files.close();
    }

    private void writeUntilClosed() {
        List<PendingAppend> group = new ArrayList<>();
        try {
            while (true) {
                group.add(pending.take());
                pending.drainTo(group, MAX_GROUP - 1);
                boolean closing = group.remove(CLOSE);
                if (!group.isEmpty()) {
                    write(group);
                }
                group.clear();
                if (closing) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<PendingAppend> group) {
        try {
            files.append(group.stream().map(PendingAppend::event).toList());
        } catch (IOException | RuntimeException failure) {
            fail(group, failure);
            return;
        }
        written.release();
        group.forEach(append -> append.durable().complete(null));
    }

    private void fail(List<PendingAppend> group, Exception failure) {
        log.error("Writing {} events to the spool in {} failed; they are answered 503", group.size(), directory, failure);
        synchronized (gate) {
            undrainedEvents -= group.size();
            undrainedBytes -= group.stream().mapToLong(append -> append.event().frameBytes()).sum();
        }
        try {
            files.discardUndurable();
        } catch (IOException | RuntimeException repair) {
            log.error("The spool in {} cannot be repaired; events that Kafka does not take in time are answered 503"
                    + " until the edge restarts", directory, repair);
            broken = true;
        }
        SpoolUnavailableException answer = new SpoolUnavailableException("writing to the spool in " + directory
                + " failed: " + failure);
        group.forEach(append -> append.durable().completeExceptionally(answer));
    }
}
