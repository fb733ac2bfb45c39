package io.callstream.ingress.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import io.callstream.schema.Forwarding;
import io.callstream.schema.SiteConfig;
import io.callstream.sites.store.SiteStore;
import io.callstream.sites.store.SiteWriter;
import io.callstream.web.api.Violation;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A site's forwarding target: the Zammad generic-CTI URL the forwarder posts the site's events to.
 * The URL holds Zammad's CTI token, so it is shown only masked: its last path segment (the token),
 * any user info and any query become {@code ***}. Blocking (it waits for Kafka).
 */
public final class SiteForwarding {

    static final int MAX_URL_LENGTH = 2_000;
    private static final String MASK = "***";

    private final SiteStore store;
    private final SiteWriter writer;

    public SiteForwarding(SiteStore store, SiteWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** The body of {@code PUT .../forwarding}: {@code enabled} defaults to true. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Target(String url, Boolean enabled) {
    }

    /** What the API shows: the URL with its token masked. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record View(String url, boolean enabled) {
    }

    public View get(String siteId) {
        return forwarding(store.site(siteId), siteId).map(SiteForwarding::view)
                .orElseThrow(() -> new SiteNotFoundException("Site " + siteId + " forwards nowhere."));
    }

    public View set(String siteId, Target target) {
        URI url = validated(target);
        Forwarding forwarding = new Forwarding(url.toString(), target.enabled() == null || target.enabled());
        writer.write(siteId, current -> Optional.of(SiteConfig.newBuilder(SiteAdministration.existing(current, siteId)).setForwarding(forwarding)));
        return view(forwarding);
    }

    public void remove(String siteId) {
        writer.write(siteId, current -> {
            if (forwarding(current, siteId).isEmpty()) {
                throw new SiteNotFoundException("Site " + siteId + " forwards nowhere.");
            }
            return Optional.of(SiteConfig.newBuilder(SiteAdministration.existing(current, siteId)).setForwarding(null));
        });
    }

    /** The URL with the token (its last path segment), any user info and any query masked. */
    public static String masked(String url) {
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            int lastSlash = path.lastIndexOf('/');
            String maskedPath = lastSlash >= 0 && lastSlash < path.length() - 1 ? path.substring(0, lastSlash + 1) + MASK : path;
            return uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : MASK + "@") + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + maskedPath + (uri.getRawQuery() == null ? "" : "?" + MASK);
        } catch (URISyntaxException e) {
            return MASK;
        }
    }

    private static View view(Forwarding forwarding) {
        return new View(masked(forwarding.getUrl()), forwarding.getEnabled());
    }

    private static URI validated(Target target) {
        String url = target.url();
        String problem = null;
        URI uri = null;
        if (url == null || url.isBlank()) {
            problem = "is required";
        } else if (url.length() > MAX_URL_LENGTH) {
            problem = "must be at most " + MAX_URL_LENGTH + " characters";
        } else {
            try {
                uri = new URI(url.strip());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problem = "must be an http or https URL, such as https://zammad.example.com/api/v1/cti/<token>";
                }
            } catch (URISyntaxException e) {
                problem = "must be an http or https URL, such as https://zammad.example.com/api/v1/cti/<token>";
            }
        }
        if (problem != null) {
            throw new InvalidSiteChangeException(List.of(new Violation("url", problem)));
        }
        return uri;
    }

    private static Optional<Forwarding> forwarding(Optional<SiteConfig> site, String siteId) {
        return Optional.ofNullable(SiteAdministration.existing(site, siteId).getForwarding());
    }
}
