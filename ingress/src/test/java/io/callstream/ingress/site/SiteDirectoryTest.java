package io.callstream.ingress.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SiteDirectoryTest {

    private final SiteDirectory directory = SiteDirectory.of(List.of(
            new SiteDirectory.Entry("berlin-token-0123456789", new Site("berlin", true)),
            new SiteDirectory.Entry("zurich-token-0123456789", new Site("zurich", false))));

    @Test
    void shouldFindTheSiteOfAToken() {
        assertThat(directory.findByToken("berlin-token-0123456789")).contains(new Site("berlin", true));
        assertThat(directory.findByToken("zurich-token-0123456789")).contains(new Site("zurich", false));
    }

    @Test
    void shouldFindNothingForAnUnknownOrAlmostRightToken() {
        assertThat(directory.findByToken("berlin-token-012345678")).isEmpty();
        assertThat(directory.findByToken("")).isEmpty();
    }

    @Test
    void shouldRefuseASiteWithoutToken() {
        assertThatThrownBy(() -> SiteDirectory.of(List.of(new SiteDirectory.Entry(" ", new Site("a", true)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseTwoSitesWithOneToken() {
        assertThatThrownBy(() -> SiteDirectory.of(List.of(
                new SiteDirectory.Entry("same-token", new Site("a", true)),
                new SiteDirectory.Entry("same-token", new Site("b", true)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("same-token");
    }

    @Test
    void shouldRefuseASiteConfiguredTwice() {
        assertThatThrownBy(() -> SiteDirectory.of(List.of(
                new SiteDirectory.Entry("token-1", new Site("a", true)),
                new SiteDirectory.Entry("token-2", new Site("a", true)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseSiteIdsThatCannotBePartOfACallKey() {
        assertThatThrownBy(() -> new Site("ber/lin", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Site("", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
