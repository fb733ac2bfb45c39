package io.callstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedShutdownTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    private final AtomicInteger haltedWith = new AtomicInteger(-1);
    private final CountDownLatch halted = new CountDownLatch(1);

    @Test
    void shouldHaltWhenClosingTakesLongerThanTheLimit() throws Exception {
        CountDownLatch hung = new CountDownLatch(1);
        Thread shutdown = new Thread(new BoundedShutdown(() -> await(hung), LIMIT, this::halt)::run);
        shutdown.start();

        assertThat(halted.await(LIMIT.toMillis() * 10, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(haltedWith.get()).isEqualTo(1);
        hung.countDown();
        shutdown.join();
    }

    @Test
    void shouldNotHaltWhenClosingFinishesInTime() throws Exception {
        new BoundedShutdown(() -> sleep(LIMIT.dividedBy(3)), LIMIT, this::halt).run();

        assertThat(halted.await(LIMIT.toMillis() * 2, TimeUnit.MILLISECONDS)).isFalse();
    }

    private void halt(int status) {
        haltedWith.set(status);
        halted.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
