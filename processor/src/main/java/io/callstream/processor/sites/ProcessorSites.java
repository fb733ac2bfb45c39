package io.callstream.processor.sites;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.callstream.schema.SiteConfig;
import io.callstream.sites.store.SiteStore;
import io.callstream.sites.store.SiteStoreLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * This processor instance's copy of the sites topic, kept current while the application runs: the
 * forwarder's targets, the country code a contact's national number belongs to. Its own copy, not
 * the edge's (in {@code ./callstream} both run in one process, each with its copy).
 */
public final class ProcessorSites implements SmartLifecycle {

    private static final Duration POLL = Duration.ofMillis(100);

    private final SiteStore store = new SiteStore();
    private final SiteStoreLifecycle replica;

    /** @param topic the sites topic's name in this deployment */
    public ProcessorSites(String topic, Map<String, Object> replicaSettings) {
        this.replica = SiteStoreLifecycle.replica(store, topic, replicaSettings, POLL);
    }

    public Optional<SiteConfig> site(String siteId) {
        return store.site(siteId);
    }

    /** True once the whole topic was read at start-up. */
    public boolean isReady() {
        return store.isReady();
    }

    @Override
    public void start() {
        replica.start();
    }

    @Override
    public void stop() {
        replica.stop();
    }

    @Override
    public boolean isRunning() {
        return replica.isRunning();
    }

    @Override
    public int getPhase() {
        return replica.getPhase();
    }
}
