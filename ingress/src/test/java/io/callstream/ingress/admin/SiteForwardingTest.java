package io.callstream.ingress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteForwardingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://zammad.example.com/api/v1/cti/3f9c7a1e5d2b4a68 | https://zammad.example.com/api/v1/cti/***",
            "http://127.0.0.1:3000/api/v1/cti/abc                   | http://127.0.0.1:3000/api/v1/cti/***",
            "https://user:secret@zammad.example.com/cti/t?token=x   | https://***@zammad.example.com/cti/***?***",
            "https://zammad.example.com/                            | https://zammad.example.com/",
    })
    void shouldMaskTheTokenAndEverythingElseThatCouldBeASecret(String url, String shown) {
        assertThat(SiteForwarding.masked(url)).isEqualTo(shown);
    }
}
