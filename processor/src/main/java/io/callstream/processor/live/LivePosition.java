package io.callstream.processor.live;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.callstream.schema.Topics;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a live stream stands in the topics it follows: the next offset of every partition. It is
 * the id of every event sent, so a client that reconnects with {@code Last-Event-ID} continues
 * exactly after the last event it received, on every partition: nothing lost, nothing twice.
 * Written as {@code r0.12,r1.5,s0.7}: {@code r} the call records, {@code s} the statistics.
 */
public final class LivePosition {

    private static final Pattern FORMAT = Pattern.compile("[rs]\\d{1,4}\\.\\d{1,19}(,[rs]\\d{1,4}\\.\\d{1,19})*");

    private final Map<String, Long> next;

    private LivePosition(Map<String, Long> next) {
        this.next = next;
    }

    public static LivePosition empty() {
        return new LivePosition(new TreeMap<>());
    }

    /** The position an event id names; empty if it is none of ours. */
    public static Optional<LivePosition> parse(String id) {
        if (id == null || id.length() > 4_000 || !FORMAT.matcher(id).matches()) {
            return Optional.empty();
        }
        Map<String, Long> next = new TreeMap<>();
        for (String part : id.split(",")) {
            int dot = part.indexOf('.');
            next.put(part.substring(0, dot), Long.parseLong(part.substring(dot + 1)));
        }
        return Optional.of(new LivePosition(next));
    }

    public Optional<Long> next(TopicPartition partition) {
        return Optional.ofNullable(next.get(code(partition)));
    }

    /** This position with {@code partition} at {@code nextOffset}. */
    public LivePosition at(TopicPartition partition, long nextOffset) {
        Map<String, Long> moved = new TreeMap<>(next);
        moved.put(code(partition), nextOffset);
        return new LivePosition(moved);
    }

    private static String code(TopicPartition partition) {
        return (partition.topic().endsWith(Topics.CALL_RECORDS) ? "r" : "s") + partition.partition();
    }

    public String id() {
        return next.entrySet().stream().map(entry -> entry.getKey() + "." + entry.getValue()).collect(Collectors.joining(","));
    }
}
