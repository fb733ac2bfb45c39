package io.callstream.sites.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.callstream.schema.SiteConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the sites replicator while the application runs. Once it has caught up, sites from the
 * configuration that the topic does not know yet are written (the configuration only seeds; the
 * topic is the truth afterwards), and only then does the store answer PBX requests.
 */
public final class SiteStoreLifecycle implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SiteStoreLifecycle.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final SiteStore store;
    private final SiteWriter writer;
    private final List<SiteConfig> seeds;
    private final SiteStoreReplicator replicator;
    private final ExecutorService seeding = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "sites-seeder"));
    private Thread replicatorThread;
    private volatile boolean running;

    /**
     * @param writer writes the seeds; null for a replica, which has none
     * @param seeds  sites to create if the topic does not have them yet
     * @param topic  the sites topic's name in this deployment
     */
    public SiteStoreLifecycle(SiteStore store, SiteWriter writer, List<SiteConfig> seeds, String topic,
            Map<String, Object> consumerSettings, Duration pollInterval, Runnable createTopic) {
        this.store = store;
        this.writer = writer;
        this.seeds = List.copyOf(seeds);
        this.replicator = new SiteStoreReplicator(store, topic, consumerSettings, pollInterval,
                () -> seeding.execute(this::seedThenServe), createTopic);
    }

    /** A read-only copy of the sites (no seeds, no writer): for a reader beside the edge, such as the forwarder. */
    public static SiteStoreLifecycle replica(SiteStore store, String topic, Map<String, Object> consumerSettings,
            Duration pollInterval) {
        return new SiteStoreLifecycle(store, null, List.of(), topic, consumerSettings, pollInterval, () -> {
        });
    }

    @Override
    public void start() {
        running = true;
        replicatorThread = daemon(replicator, "sites-replicator");
        replicatorThread.start();
    }

    @Override
    public void stop() {
        running = false;
        replicator.stop();
        seeding.shutdownNow();
        try {
            replicatorThread.join(TimeUnit.SECONDS.toMillis(10));
            seeding.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer != null) {
            writer.close();
        }
    }

    /** Also when the application fails to start after this was started: no replicator may outlive it. */
    @Override
    public void destroy() {
        if (running) {
            stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it, so requests never see a stopped store. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void seedThenServe() {
        for (SiteConfig seed : seeds) {
            while (running && !seeded(seed)) {
                sleep(RETRY);
            }
        }
        if (running) {
            store.markReady();
            log.info("Serving {} site(s)", store.sites().size());
        }
    }

    private boolean seeded(SiteConfig seed) {
        try {
            Optional<SiteConfig> written = writer.write(seed.getSiteId(),
                    current -> current.isPresent() ? Optional.empty() : Optional.of(SiteConfig.newBuilder(seed)));
            written.ifPresent(site -> log.info("Created site {} from the configuration", site.getSiteId()));
            return true;
        } catch (SiteStoreUnavailableException e) {
            log.warn("Cannot seed site {} yet: {}", seed.getSiteId(), e.getMessage());
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
