package io.callstream.ingress.observability;

import io.callstream.sites.store.SiteStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready only once this instance has read every site from Kafka: before that it could not tell a
 * blocked caller from any other and answers PBXs 503.
 */
public final class SitesHealthIndicator implements HealthIndicator {

    private final SiteStore store;

    public SitesHealthIndicator(SiteStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        return store.isReady()
                ? Health.up().withDetail("sites", store.sites().size()).build()
                : Health.outOfService().withDetail("reason", "reading the sites topic").build();
    }
}
