package io.callstream.sites.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.callstream.schema.PhoneNumbers;
import org.junit.jupiter.api.Test;

class BlockListTest {

    @Test
    void shouldBlockAnExactNumberButNotALongerOne() {
        BlockList list = BlockList.of(List.of("1234"), null);

        assertThat(list.blocks("1234")).isTrue();
        assertThat(list.blocks("12345")).isFalse();
        assertThat(list.blocks("123")).isFalse();
    }

    @Test
    void shouldBlockEveryLongerNumberWithAPrefixEntry() {
        BlockList list = BlockList.of(List.of("+49 171*"), null);

        assertThat(list.blocks("491715000000")).isTrue();
        assertThat(list.blocks("4917")).isFalse();
    }

    @Test
    void shouldNeedAtLeastOneCharacterForTheWildcard() {
        BlockList list = BlockList.of(List.of("1234*"), null);

        assertThat(list.blocks("12345")).isTrue();
        assertThat(list.blocks("1234")).isFalse();
    }

    @Test
    void shouldMatchEntriesAndCallersInAnySpelling() {
        BlockList list = BlockList.of(List.of("+49 171 5000000"), null);

        assertThat(list.blocks(PhoneNumbers.normalize("00491715000000", null))).isTrue();
        assertThat(list.blocks(PhoneNumbers.normalize("491715000000", null))).isTrue();
    }

    @Test
    void shouldBlockAnonymousCallersLiterally() {
        BlockList list = BlockList.of(List.of("anonymous"), null);

        assertThat(list.blocks(PhoneNumbers.normalize("anonymous", null))).isTrue();
        assertThat(list.blocks(PhoneNumbers.normalize("Anonymous", null))).isTrue();
    }

    @Test
    void shouldRefuseAWildcardThatDoesNotEndTheEntry() {
        assertThatThrownBy(() -> BlockList.of(List.of("12*34"), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBlockNothingWhenEmpty() {
        BlockList empty = BlockList.of(List.of(), null);

        assertThat(empty.blocks("1234")).isFalse();
        assertThat(empty.blocks("")).isFalse();
    }
}
