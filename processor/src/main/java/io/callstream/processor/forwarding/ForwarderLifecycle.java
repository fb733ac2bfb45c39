package io.callstream.processor.forwarding;

import java.util.concurrent.TimeUnit;

import io.callstream.processor.errors.DeadLetters;
import org.springframework.context.SmartLifecycle;

/** Runs the forwarder while the application runs (after the sites' copy it reads has started). */
public final class ForwarderLifecycle implements SmartLifecycle {

    private final Forwarder forwarder;
    private final DeadLetters deadLetters;
    private Thread thread;
    private volatile boolean running;

    ForwarderLifecycle(Forwarder forwarder, DeadLetters deadLetters) {
        this.forwarder = forwarder;
        this.deadLetters = deadLetters;
    }

    public Forwarder forwarder() {
        return forwarder;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(forwarder, "forwarder");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        forwarder.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
