package io.callstream.standalone;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Stops the launcher on SIGTERM (or Ctrl-C) within a bound: the applications and the broker get
 * {@code limit} to close cleanly (that takes seconds), after which the process halts rather than
 * hang in a broker shutdown that cannot finish.
 */
final class BoundedShutdown {

    static final Duration LIMIT = Duration.ofSeconds(30);

    private final Runnable close;
    private final Duration limit;
    private final IntConsumer halt;

    BoundedShutdown(Runnable close, Duration limit, IntConsumer halt) {
        this.close = close;
        this.limit = limit;
        this.halt = halt;
    }

    /** Runs {@link #run()} when the JVM is asked to stop. */
    static void install(Runnable close) {
        BoundedShutdown shutdown = new BoundedShutdown(close, LIMIT, status -> Runtime.getRuntime().halt(status));
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "callstream-shutdown"));
    }

    /** Closes, and halts with status 1 if closing takes longer than the limit. */
    void run() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException closedInTime) {
                return;
            }
            System.err.printf("callstream did not stop within %d s; stopping it now.%n", limit.toSeconds());
            halt.accept(1);
        }, "callstream-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            close.run();
        } finally {
            watchdog.interrupt();
        }
    }
}
