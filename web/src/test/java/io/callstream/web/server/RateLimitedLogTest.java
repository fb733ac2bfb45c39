package io.callstream.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {

    private final AtomicLong now = new AtomicLong();
    private final Logger logger = (Logger) LoggerFactory.getLogger("rate-limited-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final RateLimitedLog log;

    RateLimitedLogTest() {
        lines.start();
        logger.addAppender(lines);
        log = new RateLimitedLog(logger, Duration.ofSeconds(60), now::get);
    }

    @Test
    void shouldWriteTheFirstOccurrenceAtOnceAndNothingMoreWithinTheInterval() {
        for (int i = 0; i < 1_000; i++) {
            log.warn("malformed request " + i);
            now.addAndGet(Duration.ofMillis(50).toNanos());
        }

        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage()).startsWith("malformed request 0 (logged at most once every 60 s");
    }

    @Test
    void shouldSayHowManyItLeftOutWhenTheNextIntervalStarts() {
        log.warn("first");
        for (int i = 0; i < 9; i++) {
            log.warn("left out");
        }
        now.addAndGet(Duration.ofSeconds(61).toNanos());

        log.warn("next");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                .last().asString().startsWith("next, and 9 more like it since the last report");
    }
}
