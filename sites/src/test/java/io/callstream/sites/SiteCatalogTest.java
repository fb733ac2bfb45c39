package io.callstream.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.callstream.sites.rules.RuleSet;
import io.callstream.sites.rules.SiteRules;
import org.junit.jupiter.api.Test;

class SiteCatalogTest {

    private final SiteCatalog catalog = SiteCatalog.of(Map.of(
            TokenDigest.of("berlin-token-0123456789"), entry(new Site("berlin", true)),
            TokenDigest.of("zurich-token-0123456789"), entry(new Site("zurich", false))));

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

    private static SiteCatalog.Entry entry(Site site) {
        return new SiteCatalog.Entry(site, SiteRules.compile(RuleSet.none()));
    }
}
