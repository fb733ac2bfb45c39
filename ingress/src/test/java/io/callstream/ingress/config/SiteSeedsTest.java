package io.callstream.ingress.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.callstream.sites.TokenDigest;
import io.callstream.schema.SiteConfig;
import org.junit.jupiter.api.Test;

class SiteSeedsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private static final IngressProperties.Rules NO_RULES = new IngressProperties.Rules(null, null, null);

    @Test
    void shouldSeedConfiguredSitesWithTheirTokenDigestsAndRules() {
        IngressProperties.Rules rules = new IngressProperties.Rules(
                List.of(new IngressProperties.BlockEntry("+49 171 5000000", "spam")),
                List.of(new IngressProperties.Route("41*", "41715877777", null)), "4930777000");

        List<SiteConfig> seeds = SiteSeeds.of(List.of(
                new IngressProperties.SiteProperties("berlin", null, "berlin-token", true, "49", "Europe/Berlin", 15, 8, rules)), CLOCK);

        assertThat(seeds).singleElement().satisfies(seed -> {
            assertThat(seed.getSiteId()).isEqualTo("berlin");
            assertThat(seed.getDisplayName()).isEqualTo("berlin");
            assertThat(seed.getTokenSha256()).isEqualTo(TokenDigest.of("berlin-token"));
            assertThat(seed.getBlockList()).hasSize(1);
            assertThat(seed.getRouting()).hasSize(1);
            assertThat(seed.getDefaultCallerId()).isEqualTo("4930777000");
            assertThat(seed.getTimeZone()).isEqualTo("Europe/Berlin");
            assertThat(seed.getServiceLevelThresholdSeconds()).isEqualTo(15);
            assertThat(seed.getAbandonedShortSeconds()).isEqualTo(8);
            assertThat(seed.getUpdatedAt()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void shouldRefuseATimeZoneThatIsNoIanaZoneAndThresholdsOutOfRange() {
        assertThatThrownBy(() -> SiteSeeds.of(List.of(
                new IngressProperties.SiteProperties("a", null, "token-1", true, null, "Berlin", 20, 5, NO_RULES)), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site a has time-zone Berlin, which is no IANA time zone");
        assertThatThrownBy(() -> SiteSeeds.of(List.of(
                new IngressProperties.SiteProperties("a", null, "token-1", true, null, "UTC", 0, 5, NO_RULES)), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site a needs a service-level-threshold-seconds of 1 to 3600");
        assertThatThrownBy(() -> SiteSeeds.of(List.of(
                new IngressProperties.SiteProperties("a", null, "token-1", true, null, "UTC", 20, 61, NO_RULES)), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site a needs an abandoned-short-seconds of 1 to 60");
    }

    @Test
    void shouldRefuseASiteWithoutToken() {
        assertThatThrownBy(() -> SiteSeeds.of(List.of(site("a", " ")), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site a has no token");
    }

    @Test
    void shouldRefuseTwoSitesWithOneTokenWithoutNamingTheToken() {
        assertThatThrownBy(() -> SiteSeeds.of(List.of(site("a", "same-token"), site("b", "same-token")), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site b shares its token with site a")
                .hasMessageNotContaining("same-token");
    }

    @Test
    void shouldRefuseASiteConfiguredTwice() {
        assertThatThrownBy(() -> SiteSeeds.of(List.of(site("a", "token-1"), site("a", "token-2")), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site a is configured twice");
    }

    @Test
    void shouldRefuseASiteTheEdgeCouldNotServe() {
        assertThatThrownBy(() -> SiteSeeds.of(List.of(site("ber/lin", "token-1")), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site ber/lin");
        IngressProperties.Rules wildcardInside = new IngressProperties.Rules(
                List.of(new IngressProperties.BlockEntry("49*171", null)), null, null);
        assertThatThrownBy(() -> SiteSeeds.of(List.of(
                new IngressProperties.SiteProperties("a", null, "token-1", true, null, "UTC", 20, 5, wildcardInside)), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'*' may only end a block list entry");
    }

    private static IngressProperties.SiteProperties site(String id, String token) {
        return new IngressProperties.SiteProperties(id, null, token, true, null, "UTC", 20, 5, NO_RULES);
    }
}
