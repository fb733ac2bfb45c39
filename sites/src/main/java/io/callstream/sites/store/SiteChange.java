package io.callstream.sites.store;

import java.util.Optional;

import io.callstream.schema.SiteConfig;

/**
 * A change to one site, computed from its current configuration under the writer lease. It may
 * refuse by throwing (the refusal reaches the caller, nothing is written) or decide there is
 * nothing to write (empty). The writer stamps the result with its change id and time.
 */
@FunctionalInterface
public interface SiteChange {

    Optional<SiteConfig.Builder> apply(Optional<SiteConfig> current);
}
