package io.callstream.sites.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.callstream.sites.SiteCatalog;
import io.callstream.sites.Sites;
import io.callstream.schema.SiteConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's copy of the sites topic: the stored configuration of every site, and the
 * {@link SiteCatalog} compiled from it that PBX requests read. Only the replicator writes; the
 * catalog is swapped whole, so readers never lock and never see half a change.
 */
public final class SiteStore implements Sites {

    private static final Logger log = LoggerFactory.getLogger(SiteStore.class);

    private record StoredSite(SiteConfig config, SiteCatalog.Entry entry) {
    }

    /** How many recent change ids the store remembers, so that a writer can tell whether its retried change landed. */
    private static final int REMEMBERED_CHANGES = 10_000;

    private final Object monitor = new Object();
    private final Map<String, StoredSite> sites = new HashMap<>();
    private final Set<String> recentChangeIds = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_CHANGES;
        }
    });
    private volatile SiteCatalog catalog = SiteCatalog.notReady();
    private long position;
    private boolean ready;

    @Override
    public SiteCatalog current() {
        return catalog;
    }

    public Optional<SiteConfig> site(String siteId) {
        synchronized (monitor) {
            return Optional.ofNullable(sites.get(siteId)).map(StoredSite::config);
        }
    }

    public List<SiteConfig> sites() {
        synchronized (monitor) {
            List<SiteConfig> all = new ArrayList<>();
            sites.values().forEach(stored -> all.add(stored.config()));
            all.sort(Comparator.comparing(SiteConfig::getSiteId));
            return all;
        }
    }

    /** True once the sites topic was read to its end at start-up and configured sites were seeded. */
    public boolean isReady() {
        synchronized (monitor) {
            return ready;
        }
    }

    /** Whether a version written by the change with this id has been applied here (among the recent ones). */
    public boolean hasApplied(String changeId) {
        synchronized (monitor) {
            return recentChangeIds.contains(changeId);
        }
    }

    /** Waits until this instance has applied every record before {@code offset}. */
    public boolean awaitPosition(long offset, Duration timeout) throws InterruptedException {
        return await(() -> position >= offset, timeout);
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return await(() -> ready, timeout);
    }

    /** The replicator applies one record: the site's new configuration, or {@code null} to drop it. */
    void apply(String siteId, SiteConfig config) {
        synchronized (monitor) {
            if (config == null) {
                sites.remove(siteId);
                return;
            }
            if (!siteId.equals(config.getSiteId())) {
                log.warn("Ignoring a sites record keyed {} for site {}", siteId, config.getSiteId());
                return;
            }
            recentChangeIds.add(config.getChangeId());
            try {
                sites.put(siteId, new StoredSite(config, SiteConfigs.catalogEntry(config)));
            } catch (IllegalArgumentException invalid) {
                log.error("Ignoring an invalid configuration of site {}: {}", siteId, invalid.getMessage());
            }
        }
    }

    /** The replicator has applied every record before {@code newPosition}: publish the result. */
    void advanceTo(long newPosition) {
        synchronized (monitor) {
            if (newPosition == position) {
                return;
            }
            position = newPosition;
            if (ready) {
                catalog = compileCatalog();
            }
            monitor.notifyAll();
        }
    }

    /** From now on PBX requests are answered from this store. */
    void markReady() {
        synchronized (monitor) {
            ready = true;
            catalog = compileCatalog();
            monitor.notifyAll();
        }
    }

    private SiteCatalog compileCatalog() {
        Map<String, SiteCatalog.Entry> byDigest = new HashMap<>();
        sites.values().forEach(stored -> byDigest.put(stored.config().getTokenSha256(), stored.entry()));
        return SiteCatalog.of(byDigest);
    }

    private boolean await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
