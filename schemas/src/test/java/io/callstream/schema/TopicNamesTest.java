package io.callstream.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void shouldPutThePrefixBeforeEveryTopicAndNothingWithoutOne() {
        TopicNames prefixed = new TopicNames("team-a.");

        assertThat(prefixed.ctiEvents()).isEqualTo("team-a.callstream.cti-events.v1");
        assertThat(prefixed.sites()).isEqualTo("team-a.callstream.sites.v1");
        assertThat(prefixed.deadLetters()).isEqualTo("team-a.callstream.dead-letters.v1");
        assertThat(TopicNames.UNPREFIXED.callRecords()).isEqualTo(Topics.CALL_RECORDS);
        assertThat(new TopicNames(null)).isEqualTo(TopicNames.UNPREFIXED);
    }

    @Test
    void shouldRefuseAPrefixKafkaWouldNotTakeInATopicName() {
        assertThatThrownBy(() -> new TopicNames("team a/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callstream.topic-prefix");
    }
}
