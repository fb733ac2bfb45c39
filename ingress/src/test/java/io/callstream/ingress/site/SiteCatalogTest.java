package io.callstream.ingress.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.callstream.ingress.rules.RuleSet;
import org.junit.jupiter.api.Test;

class SiteCatalogTest {

    private final SiteCatalog catalog = SiteCatalog.ofTokens(List.of(
            new SiteCatalog.ConfiguredSite("berlin-token-0123456789", new Site("berlin", true), RuleSet.none()),
            new SiteCatalog.ConfiguredSite("zurich-token-0123456789", new Site("zurich", false), RuleSet.none())));

    @Test
    void shouldFindTheSiteOfAToken() {
        assertThat(catalog.findByToken("berlin-token-0123456789")).map(SiteCatalog.Entry::site)
                .contains(new Site("berlin", true));
        assertThat(catalog.findByToken("zurich-token-0123456789")).map(SiteCatalog.Entry::site)
                .contains(new Site("zurich", false));
    }

    @Test
    void shouldFindNothingForAnUnknownOrAlmostRightToken() {
        assertThat(catalog.findByToken("berlin-token-012345678")).isEmpty();
        assertThat(catalog.findByToken("")).isEmpty();
    }

    @Test
    void shouldKnowNoSiteBeforeItIsReady() {
        assertThat(SiteCatalog.notReady().ready()).isFalse();
        assertThat(SiteCatalog.notReady().findByToken("berlin-token-0123456789")).isEmpty();
        assertThat(catalog.ready()).isTrue();
    }

    @Test
    void shouldRefuseASiteWithoutToken() {
        assertThatThrownBy(() -> SiteCatalog.ofTokens(List.of(
                new SiteCatalog.ConfiguredSite(" ", new Site("a", true), RuleSet.none()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseTwoSitesWithOneTokenWithoutNamingTheToken() {
        assertThatThrownBy(() -> SiteCatalog.ofTokens(List.of(
                new SiteCatalog.ConfiguredSite("same-token", new Site("a", true), RuleSet.none()),
                new SiteCatalog.ConfiguredSite("same-token", new Site("b", true), RuleSet.none()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("same-token");
    }

    @Test
    void shouldRefuseASiteConfiguredTwice() {
        assertThatThrownBy(() -> SiteCatalog.ofTokens(List.of(
                new SiteCatalog.ConfiguredSite("token-1", new Site("a", true), RuleSet.none()),
                new SiteCatalog.ConfiguredSite("token-2", new Site("a", true), RuleSet.none()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseSiteIdsThatCannotBePartOfACallKey() {
        assertThatThrownBy(() -> new Site("ber/lin", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Site("", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMakeNewTokensLongRandomAndUrlSafe() {
        String token = TokenDigest.newToken();

        assertThat(token).hasSize(32).matches("[A-Za-z0-9_-]+").isNotEqualTo(TokenDigest.newToken());
        assertThat(TokenDigest.of(token)).hasSize(64).matches("[0-9a-f]+");
    }
}
