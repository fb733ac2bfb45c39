package io.callstream.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callstream.web.logging.SecretMasking;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void shouldMaskTheSiteTokenOfCtiPaths() {
        assertThat(SecretMasking.mask("/api/v1/cti/s3cr3t-t0ken")).isEqualTo("/api/v1/cti/***");
        assertThat(SecretMasking.mask("/api/v1/cti/s3cr3t?event=newCall")).isEqualTo("/api/v1/cti/***?event=newCall");
        assertThat(SecretMasking.mask("POST \"/api/v1/cti/s3cr3t\" failed; again /api/v1/cti/other"))
                .isEqualTo("POST \"/api/v1/cti/***\" failed; again /api/v1/cti/***");
        assertThat(SecretMasking.mask("/API/V1/CTI/s3cr3t")).isEqualTo("/API/V1/CTI/***");
    }

    @Test
    void shouldMaskBearerTokens() {
        assertThat(SecretMasking.mask("Authorization: Bearer abc.def-123")).isEqualTo("Authorization: Bearer ***");
        assertThat(SecretMasking.mask("authorization=bearer   xyz, next")).isEqualTo("authorization=bearer   ***, next");
    }

    @Test
    void shouldLeaveTheCallerLogAndOtherPathsAlone() {
        assertThat(SecretMasking.mask("/api/v1/cti/log?format=csv")).isEqualTo("/api/v1/cti/log?format=csv");
        assertThat(SecretMasking.mask("/api/v1/cti/login")).isEqualTo("/api/v1/cti/***");
        assertThat(SecretMasking.mask("/actuator/health")).isEqualTo("/actuator/health");
        assertThat(SecretMasking.mask(null)).isNull();
    }
}
