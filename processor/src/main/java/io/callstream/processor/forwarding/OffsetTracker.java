package io.callstream.processor.forwarding;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which polled events are not settled yet (delivered, refused or not to be forwarded), per
 * partition, so that the committed position never passes one: a restart or a rebalance resumes at
 * the oldest unsettled event (at-least-once: what was settled after it is posted again).
 */
final class OffsetTracker {

    private static final class Partition {
        final TreeSet<Long> unsettled = new TreeSet<>();
        long next = -1;
    }

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();
    private int unsettled;

    synchronized void polled(TopicPartition partition, long offset) {
        Partition state = partitions.computeIfAbsent(partition, any -> new Partition());
        state.unsettled.add(offset);
        state.next = Math.max(state.next, offset + 1);
        unsettled++;
    }

    synchronized void settled(TopicPartition partition, long offset) {
        Partition state = partitions.get(partition);
        if (state != null && state.unsettled.remove(offset)) {
            unsettled--;
        }
    }

    synchronized int unsettled() {
        return unsettled;
    }

    /** Where each partition may be committed: its oldest unsettled event, or after its newest polled one. */
    synchronized Map<TopicPartition, OffsetAndMetadata> positions(Collection<TopicPartition> of) {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition partition : of) {
            Partition state = partitions.get(partition);
            if (state != null && state.next >= 0) {
                positions.put(partition, new OffsetAndMetadata(state.unsettled.isEmpty() ? state.next : state.unsettled.first()));
            }
        }
        return positions;
    }

    synchronized Map<TopicPartition, OffsetAndMetadata> positions() {
        return positions(partitions.keySet());
    }

    /** A partition this instance no longer owns: its events are someone else's now. */
    synchronized void forget(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            Partition state = partitions.remove(partition);
            if (state != null) {
                unsettled -= state.unsettled.size();
            }
        }
    }
}
