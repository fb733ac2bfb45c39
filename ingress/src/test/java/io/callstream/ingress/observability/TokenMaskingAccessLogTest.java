package io.callstream.ingress.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenMaskingAccessLogTest {

    @Test
    void shouldMaskTheTokenOfCtiPaths() {
        assertThat(TokenMaskingAccessLog.maskToken("/api/v1/cti/s3cr3t-t0ken")).isEqualTo("/api/v1/cti/***");
        assertThat(TokenMaskingAccessLog.maskToken("/api/v1/cti/s3cr3t?event=newCall")).isEqualTo("/api/v1/cti/***?event=newCall");
    }

    @Test
    void shouldLeaveOtherPathsAlone() {
        assertThat(TokenMaskingAccessLog.maskToken("/actuator/health")).isEqualTo("/actuator/health");
    }
}
