package io.callstream.ingress.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's files as a restart finds them: what was acknowledged comes back, in order, exactly once per checkpoint. */
class EventSpoolTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long ROOMY = 10 * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void shouldGiveBackWhatWasAcknowledgedInOrderAfterARestart() throws Exception {
        try (EventSpool spool = EventSpool.open(directory, ROOMY, CLOCK)) {
            awaitAll(IntStream.range(0, 100).mapToObj(i -> spool.append("site/call-" + i % 7, value(i))).toList());
            assertThat(spool.events()).isEqualTo(100);
            assertThat(spool.oldest()).contains(NOW);
        }

        try (EventSpool reopened = EventSpool.open(directory, ROOMY, CLOCK)) {
            assertThat(reopened.events()).isEqualTo(100);
            List<SpooledEvent> read = readAll(reopened);
            assertThat(read).extracting(SpooledEvent::key)
                    .isEqualTo(IntStream.range(0, 100).mapToObj(i -> "site/call-" + i % 7).toList());
            assertThat(read).extracting(event -> new String(event.value(), StandardCharsets.UTF_8))
                    .isEqualTo(IntStream.range(0, 100).mapToObj(i -> "event " + i).toList());
            assertThat(read).extracting(SpooledEvent::spooledAt).containsOnly(NOW);
        }
    }

    @Test
    void shouldNotGiveBackWhatWasDrainedBeforeTheRestart() throws Exception {
        try (EventSpool spool = EventSpool.open(directory, ROOMY, CLOCK)) {
            awaitAll(IntStream.range(0, 10).mapToObj(i -> spool.append("k", value(i))).toList());
            List<SpoolLog.Entry> firstFour = spool.read(spool.firstUndrained(), 4, Integer.MAX_VALUE);
            spool.drained(firstFour);
            assertThat(spool.events()).isEqualTo(6);
        }

        try (EventSpool reopened = EventSpool.open(directory, ROOMY, CLOCK)) {
            assertThat(reopened.events()).isEqualTo(6);
            assertThat(readAll(reopened)).extracting(event -> new String(event.value(), StandardCharsets.UTF_8))
                    .containsExactly("event 4", "event 5", "event 6", "event 7", "event 8", "event 9");
        }
    }

    @Test
    void shouldCutARecordTornByACrashAndKeepEverythingBeforeIt() throws Exception {
        try (EventSpool spool = EventSpool.open(directory, ROOMY, CLOCK)) {
            awaitAll(List.of(spool.append("k", value(1)), spool.append("k", value(2))));
        }
        Path segment = segments().get(0);
        // A crash in the middle of a write that was never acknowledged: a frame cut short.
        ByteBuffer torn = new SpooledEvent(NOW, "k", value(3)).frame();
        torn.limit(torn.limit() - 5);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            channel.write(torn);
        }

        try (EventSpool reopened = EventSpool.open(directory, ROOMY, CLOCK)) {
            assertThat(reopened.events()).isEqualTo(2);
            awaitAll(List.of(reopened.append("k", value(4))));
            assertThat(readAll(reopened)).extracting(event -> new String(event.value(), StandardCharsets.UTF_8))
                    .containsExactly("event 1", "event 2", "event 4");
        }
    }

    @Test
    void shouldCutARecordWhoseBytesChangedAfterItsChecksum() throws Exception {
        try (EventSpool spool = EventSpool.open(directory, ROOMY, CLOCK)) {
            awaitAll(List.of(spool.append("k", value(1)), spool.append("k", value(2))));
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 1;
        Files.write(segment, bytes);

        try (EventSpool reopened = EventSpool.open(directory, ROOMY, CLOCK)) {
            assertThat(readAll(reopened)).extracting(event -> new String(event.value(), StandardCharsets.UTF_8))
                    .containsExactly("event 1");
        }
    }

    @Test
    void shouldRefuseAnEventThatWouldTakeItOverItsSizeAndTakeEventsAgainOnceDrained() throws Exception {
        long oneEvent = new SpooledEvent(NOW, "k", value(0)).frameBytes();
        try (EventSpool spool = EventSpool.open(directory, 2 * oneEvent, CLOCK)) {
            awaitAll(List.of(spool.append("k", value(0)), spool.append("k", value(1))));

            assertThatThrownBy(() -> spool.append("k", value(2)).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SpoolUnavailableException.class).hasMessageContaining("is full");
            assertThat(spool.hasRoomFor(1)).isFalse();

            spool.drained(spool.read(spool.firstUndrained(), 1, Integer.MAX_VALUE));
            awaitAll(List.of(spool.append("k", value(3))));
            assertThat(spool.events()).isEqualTo(2);
        }
    }

    @Test
    void shouldTakeEventsBehindOthersOnlyWhileItHoldsAny() throws Exception {
        try (EventSpool spool = EventSpool.open(directory, ROOMY, CLOCK)) {
            assertThat(spool.appendIfSpooling("k", () -> value(0))).isEmpty();

            awaitAll(List.of(spool.append("k", value(1))));
            assertThat(spool.appendIfSpooling("k", () -> value(2))).isPresent().get()
                    .satisfies(durable -> assertThat(durable).succeedsWithin(Duration.ofSeconds(5)));

            spool.drained(spool.read(spool.firstUndrained(), 10, Integer.MAX_VALUE));
            assertThat(spool.events()).isZero();
            assertThat(spool.oldest()).isEmpty();
            assertThat(spool.appendIfSpooling("k", () -> value(3))).isEmpty();
        }
    }

    @Test
    void shouldMoveToNewSegmentsAndDeleteTheDrainedOnes() throws Exception {
        byte[] large = new byte[256 * 1024];
        try (EventSpool spool = EventSpool.open(directory, 100 * 1024 * 1024, CLOCK)) {
            for (int i = 0; i < 80; i++) {
                awaitAll(List.of(spool.append("k", large)));
            }
            assertThat(segments()).hasSizeGreaterThan(1);

            List<SpooledEvent> read = new ArrayList<>();
            SpoolLog.Position from = spool.firstUndrained();
            List<SpoolLog.Entry> batch;
            while (!(batch = spool.read(from, 7, Integer.MAX_VALUE)).isEmpty()) {
                spool.drained(batch);
                batch.forEach(entry -> read.add(entry.event()));
                from = batch.get(batch.size() - 1).end();
            }

            assertThat(read).hasSize(80);
            assertThat(spool.events()).isZero();
            assertThat(segments()).as("only the segment being written is kept").hasSize(1);
        }
    }

    @Test
    void shouldKeepASecondEdgeOutOfItsDirectory() {
        try (EventSpool spool = EventSpool.open(directory, ROOMY, CLOCK)) {
            assertThatThrownBy(() -> EventSpool.open(directory, ROOMY, CLOCK))
                    .isInstanceOf(SpoolInUseException.class)
                    .hasMessageContaining("callstream.ingress.spool.directory");
        }
        EventSpool.open(directory, ROOMY, CLOCK).close();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".spool")).sorted().toList();
        }
    }

    private static List<SpooledEvent> readAll(EventSpool spool) throws IOException {
        return spool.read(spool.firstUndrained(), Integer.MAX_VALUE, Integer.MAX_VALUE).stream()
                .map(SpoolLog.Entry::event).toList();
    }

    private static void awaitAll(List<CompletableFuture<Void>> appends) {
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
    }

    private static byte[] value(int i) {
        return ("event " + i).getBytes(StandardCharsets.UTF_8);
    }
}
