package io.callstream.processor.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    @Test
    void shouldNeverCommitPastAnEventThatIsNotSettled() {
        OffsetTracker offsets = new OffsetTracker();
        for (long offset = 10; offset < 15; offset++) {
            offsets.polled(P0, offset);
        }
        offsets.polled(P1, 7);
        offsets.settled(P0, 10);
        offsets.settled(P0, 12);
        offsets.settled(P1, 7);

        assertThat(offsets.positions()).isEqualTo(Map.of(P0, new OffsetAndMetadata(11), P1, new OffsetAndMetadata(8)));
        assertThat(offsets.unsettled()).isEqualTo(3);

        offsets.settled(P0, 11);
        offsets.settled(P0, 13);
        offsets.settled(P0, 14);
        assertThat(offsets.positions(List.of(P0))).isEqualTo(Map.of(P0, new OffsetAndMetadata(15)));
        assertThat(offsets.unsettled()).isZero();
    }

    @Test
    void shouldForgetThePartitionsItGaveUp() {
        OffsetTracker offsets = new OffsetTracker();
        offsets.polled(P0, 1);
        offsets.polled(P1, 2);

        offsets.forget(List.of(P0));
        offsets.settled(P0, 1);

        assertThat(offsets.positions()).isEqualTo(Map.of(P1, new OffsetAndMetadata(2)));
        assertThat(offsets.unsettled()).isEqualTo(1);
    }

    @Test
    void shouldBackOffFromAQuarterSecondToFiveSeconds() {
        assertThat(SiteLane.retryDelay(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(SiteLane.retryDelay(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(SiteLane.retryDelay(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SiteLane.retryDelay(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(SiteLane.retryDelay(1_000)).isEqualTo(Duration.ofSeconds(5));
    }
}
