package io.callstream.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretMaskingLogsTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Logger logger = (Logger) LoggerFactory.getLogger("secret-masking-test");
    private OutputStreamAppender<ILoggingEvent> appender;

    @BeforeEach
    void attachAnAppenderAsAnOperatorsConfigurationWould() {
        LoggerContext context = logger.getLoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger: %msg%n%ex");
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        appender.stop();
    }

    @Test
    void shouldMaskTokensInMessagesAndStackTracesOfEveryAppender() {
        SecretMaskingLogs.install();

        logger.error("500 Server Error for HTTP POST \"/api/v1/cti/site-token-1\"",
                new IllegalStateException("Authorization: Bearer admin-token-2 was refused"));

        String line = written.toString(StandardCharsets.UTF_8);
        assertThat(line).doesNotContain("site-token-1").doesNotContain("admin-token-2")
                .contains("POST \"/api/v1/cti/***\"").contains("Bearer ***").contains("IllegalStateException");
    }

    @Test
    void shouldMaskOnceWhenInstalledAgainForAnotherApplicationInTheSameJvm() {
        SecretMaskingLogs.install();
        SecretMaskingLogs.install();

        assertThat(appender.getEncoder()).isInstanceOf(MaskingEncoder.class);
        assertThat(((MaskingEncoder) appender.getEncoder())).extracting("delegate").isInstanceOf(PatternLayoutEncoder.class);
    }

    @Test
    void shouldWriteLinesWithoutSecretsUnchanged() {
        SecretMaskingLogs.install();

        logger.warn("Serving 3 site(s) on /api/v1/cti/log");

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("WARN secret-masking-test: Serving 3 site(s) on /api/v1/cti/log\n");
    }
}
