package io.callstream.ingress.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's files: append-only segments ({@code 00000000000000000001.spool}, ...) and a
 * checkpoint ({@code drained}) saying how far they were sent to Kafka. One writer appends and
 * forces to disk; one reader reads what was forced, from the checkpoint on. Segments before the
 * checkpoint are deleted. A lock file keeps a second process (or a second edge in this JVM) out.
 *
 * <p>Opening a spool validates every record after the checkpoint and cuts the last segment at the
 * first torn record: a crash can tear only a write that was not acknowledged yet.
 */
final class SpoolLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpoolLog.class);
    private static final String SUFFIX = ".spool";
    private static final String CHECKPOINT = "drained";
    private static final String LOCK = "lock";
    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    /** Where a record starts or ends: a segment and a byte offset in it. */
    record Position(long segment, long offset) {
    }

    /** A record read back, with where the next one starts. */
    record Entry(SpooledEvent event, Position end, int frameBytes) {
    }

    /** What {@link #open} found after the checkpoint. */
    record Contents(long events, long bytes) {
    }

    private final Path directory;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final NavigableMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final Contents contents;
    private FileChannel appending;
    private long appendingSegment;
    private volatile Position durableEnd;
    private volatile Position checkpoint;
    private FileChannel reading;
    private long readingSegment = -1;

    private SpoolLog(Path directory, long segmentBytes) throws IOException {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(directory);
        this.lockChannel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockChannel, directory);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .forEach(file -> segments.put(segmentNumber(file), file));
        }
        this.checkpoint = readCheckpoint();
        deleteSegmentsBefore(checkpoint.segment());
        this.contents = validate();
        if (segments.isEmpty()) {
            startSegment(Math.max(1, checkpoint.segment()));
        } else {
            appendingSegment = segments.lastKey();
            appending = FileChannel.open(segments.lastEntry().getValue(), StandardOpenOption.WRITE);
            appending.position(appending.size());
        }
        durableEnd = new Position(appendingSegment, appending.position());
    }

    /** @throws SpoolInUseException when another edge holds the directory */
    static SpoolLog open(Path directory, long segmentBytes) {
        try {
            return new SpoolLog(directory, segmentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the spool in " + directory, e);
        }
    }

    Contents contents() {
        return contents;
    }

    /** Where the first record not yet in Kafka starts. */
    Position firstUndrained() {
        Position drained = checkpoint;
        return segments.containsKey(drained.segment()) ? drained : new Position(segments.firstKey(), 0);
    }

    /** Writes the events after the last one and forces them to disk; writer thread only. */
    void append(List<SpooledEvent> events) throws IOException {
        if (appending.position() >= segmentBytes) {
            startSegment(appendingSegment + 1);
        }
        ByteBuffer[] frames = events.stream().map(SpooledEvent::frame).toArray(ByteBuffer[]::new);
        long remaining = 0;
        for (ByteBuffer frame : frames) {
            remaining += frame.remaining();
        }
        while (remaining > 0) {
            remaining -= appending.write(frames);
        }
        appending.force(false);
        durableEnd = new Position(appendingSegment, appending.position());
    }

    /** After a failed write: cuts off what may have been written after the last durable record. */
    void discardUndurable() throws IOException {
        Position end = durableEnd;
        appending.truncate(end.offset());
        appending.position(end.offset());
        appending.force(false);
    }

    /** Reads durable records from {@code from} on, at most {@code maxEvents} and about {@code maxBytes}. */
    List<Entry> read(Position from, int maxEvents, int maxBytes) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Position at = from;
        int bytes = 0;
        while (entries.size() < maxEvents && bytes < maxBytes) {
            Position end = durableEnd;
            long limit = at.segment() == end.segment() ? end.offset() : channelFor(at.segment()).size();
            if (at.offset() >= limit) {
                Long next = segments.higherKey(at.segment());
                if (next == null || at.segment() == end.segment()) {
                    break;
                }
                at = new Position(next, 0);
                continue;
            }
            Position start = at;
            Entry entry = readFrame(channelFor(at.segment()), at, limit)
                    .orElseThrow(() -> new IOException("Spool record at " + start + " is damaged"));
            entries.add(entry);
            bytes += entry.frameBytes();
            at = entry.end();
        }
        return entries;
    }

    /** Remembers that everything before {@code drainedTo} is in Kafka; deletes the segments it leaves behind. */
    void commit(Position drainedTo) throws IOException {
        Path temporary = directory.resolve(CHECKPOINT + ".tmp");
        Files.writeString(temporary, drainedTo.segment() + " " + drainedTo.offset() + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, directory.resolve(CHECKPOINT), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, directory.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        }
        checkpoint = drainedTo;
        deleteSegmentsBefore(drainedTo.segment());
    }

    @Override
    public void close() {
        try {
            if (reading != null) {
                reading.close();
            }
            appending.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Closing the spool in {}: {}", directory, e.toString());
        }
    }

    private void startSegment(long number) throws IOException {
        Path file = directory.resolve(String.format("%020d%s", number, SUFFIX));
        FileChannel next = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        forceDirectory();
        if (appending != null) {
            appending.close();
        }
        appending = next;
        appendingSegment = number;
        segments.put(number, file);
        durableEnd = new Position(number, 0);
    }

    /** A new segment's name must survive a crash as surely as its records. */
    private void forceDirectory() {
        try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
            directoryChannel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory; the records themselves are still forced.
            log.debug("Cannot force the spool directory {}: {}", directory, e.toString());
        }
    }

    private Contents validate() throws IOException {
        long events = 0;
        long bytes = 0;
        for (var segment : segments.entrySet()) {
            long start = segment.getKey() == checkpoint.segment() ? checkpoint.offset() : 0;
            try (FileChannel channel = FileChannel.open(segment.getValue(), StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                Position at = new Position(segment.getKey(), start);
                long size = channel.size();
                while (at.offset() < size) {
                    var entry = readFrame(channel, at, size);
                    if (entry.isEmpty()) {
                        log.warn("Spool segment {} ends in a torn record at byte {} (a write cut short by a crash, never "
                                + "acknowledged); cutting {} bytes", segment.getValue(), at.offset(), size - at.offset());
                        channel.truncate(at.offset());
                        channel.force(false);
                        break;
                    }
                    events++;
                    bytes += entry.get().frameBytes();
                    at = entry.get().end();
                }
            }
        }
        return new Contents(events, bytes);
    }

    private static Optional<Entry> readFrame(FileChannel channel, Position at, long limit) throws IOException {
        if (limit - at.offset() < SpooledEvent.FRAME_HEADER_BYTES) {
            return Optional.empty();
        }
        ByteBuffer header = ByteBuffer.allocate(SpooledEvent.FRAME_HEADER_BYTES);
        readFully(channel, header, at.offset());
        int bodyLength = header.getInt(0);
        int checksum = header.getInt(Integer.BYTES);
        long bodyStart = at.offset() + SpooledEvent.FRAME_HEADER_BYTES;
        if (bodyLength <= 0 || bodyLength > MAX_FRAME_BYTES || bodyStart + bodyLength > limit) {
            return Optional.empty();
        }
        ByteBuffer body = ByteBuffer.allocate(bodyLength);
        readFully(channel, body, bodyStart);
        body.flip();
        if (!SpooledEvent.bodyIsWhole(body, checksum)) {
            return Optional.empty();
        }
        int frameBytes = SpooledEvent.FRAME_HEADER_BYTES + bodyLength;
        return Optional.of(new Entry(SpooledEvent.fromBody(body),
                new Position(at.segment(), at.offset() + frameBytes), frameBytes));
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of spool segment");
            }
        }
    }

    private FileChannel channelFor(long segment) throws IOException {
        if (segment != readingSegment) {
            if (reading != null) {
                reading.close();
            }
            reading = FileChannel.open(segments.get(segment), StandardOpenOption.READ);
            readingSegment = segment;
        }
        return reading;
    }

    private Position readCheckpoint() throws IOException {
        Path file = directory.resolve(CHECKPOINT);
        if (!Files.exists(file)) {
            return new Position(segments.isEmpty() ? 1 : segments.firstKey(), 0);
        }
        String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
        return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private void deleteSegmentsBefore(long segment) throws IOException {
        for (Long older : List.copyOf(segments.headMap(segment).keySet())) {
            if (older == readingSegment) {
                reading.close();
                reading = null;
                readingSegment = -1;
            }
            Files.deleteIfExists(segments.remove(older));
        }
    }

    private static long segmentNumber(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
        try {
            FileLock acquired = channel.tryLock();
            if (acquired == null) {
                channel.close();
                throw new SpoolInUseException(directory);
            }
            return acquired;
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new SpoolInUseException(directory);
        }
    }
}
