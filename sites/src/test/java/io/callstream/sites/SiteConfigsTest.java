package io.callstream.sites;

import static org.assertj.core.api.Assertions.assertThat;

import io.callstream.schema.SiteConfig;
import io.callstream.sites.store.SiteConfigs;
import org.junit.jupiter.api.Test;

class SiteConfigsTest {

    @Test
    void shouldDefaultSettingsAsTheSchemaDoesForSitesWrittenBeforeTheSettingsExisted() {
        assertThat(SiteConfig.getClassSchema().getField("timeZone").defaultVal()).isEqualTo(SiteConfigs.DEFAULT_TIME_ZONE);
        assertThat(SiteConfig.getClassSchema().getField("serviceLevelThresholdSeconds").defaultVal())
                .isEqualTo(SiteConfigs.DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS);
        assertThat(SiteConfig.getClassSchema().getField("abandonedShortSeconds").defaultVal())
                .isEqualTo(SiteConfigs.DEFAULT_ABANDONED_SHORT_SECONDS);
    }

    @Test
    void shouldAcceptIanaZonesAndThresholdsUpToAnHourOnly() {
        assertThat(SiteConfigs.isTimeZone("Europe/Berlin")).isTrue();
        assertThat(SiteConfigs.isTimeZone("UTC")).isTrue();
        assertThat(SiteConfigs.isTimeZone("+02:00")).isFalse();
        assertThat(SiteConfigs.isTimeZone(null)).isFalse();
        assertThat(SiteConfigs.isServiceLevelThreshold(1)).isTrue();
        assertThat(SiteConfigs.isServiceLevelThreshold(3_600)).isTrue();
        assertThat(SiteConfigs.isServiceLevelThreshold(0)).isFalse();
        assertThat(SiteConfigs.isServiceLevelThreshold(3_601)).isFalse();
        assertThat(SiteConfigs.isAbandonedShort(1)).isTrue();
        assertThat(SiteConfigs.isAbandonedShort(60)).isTrue();
        assertThat(SiteConfigs.isAbandonedShort(0)).isFalse();
        assertThat(SiteConfigs.isAbandonedShort(61)).isFalse();
    }
}
