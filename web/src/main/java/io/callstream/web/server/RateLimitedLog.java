package io.callstream.web.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * One warning line per interval at most, however often something happens: a client cannot flood
 * the log. The line says how often it happened since the previous one.
 */
final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextLineAt;
    private final AtomicLong unreported = new AtomicLong();

    RateLimitedLog(Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.nextLineAt = new AtomicLong(nanoTime.getAsLong());
    }

    RateLimitedLog(Logger log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    /** @param what one line without secrets, e.g. {@code "malformed request refused (431 ...)"} */
    void warn(String what) {
        long occurrences = unreported.incrementAndGet();
        long now = nanoTime.getAsLong();
        long due = nextLineAt.get();
        if (now - due < 0 || !nextLineAt.compareAndSet(due, now + intervalNanos)) {
            return;
        }
        unreported.addAndGet(-occurrences);
        if (occurrences == 1) {
            log.warn("{} (logged at most once every {} s; see the metrics for counts)", what, intervalNanos / 1_000_000_000);
        } else {
            log.warn("{}, and {} more like it since the last report (logged at most once every {} s)",
                    what, occurrences - 1, intervalNanos / 1_000_000_000);
        }
    }
}
