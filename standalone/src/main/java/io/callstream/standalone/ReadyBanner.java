package io.callstream.standalone;

import java.io.PrintStream;
import java.time.Duration;

import io.callstream.processor.ProcessorTopologiesConfiguration;
import io.callstream.sites.TokenDigest;
import io.callstream.sites.store.SiteStore;
import io.callstream.schema.SiteConfig;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Tells a new user, once PBX requests are answered, where to send the first call and how to see it arrive. */
final class ReadyBanner {

    private static final String DEFAULT_SITE = "default";

    private final String siteToken;
    private final String adminToken;
    private final Duration startup;
    private final PrintStream out;

    ReadyBanner(String siteToken, String adminToken, Duration startup, PrintStream out) {
        this.siteToken = siteToken;
        this.adminToken = adminToken;
        this.startup = startup;
        this.out = out;
    }

    void print(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "3000");
        String endpoint = base + "/api/v1/cti/" + siteToken;
        out.printf("%ncallstream is ready (%.1f s).%n", startup.toMillis() / 1000.0);
        if (tokenStillValid(context.getBean(SiteStore.class))) {
            out.printf("  PBX endpoint (site \"%s\"): %s%n", DEFAULT_SITE, endpoint);
        } else {
            out.printf("  PBX endpoint (site \"%s\"): %s/api/v1/cti/<token>  (its token was changed through the "
                    + "admin API; use the one it returned)%n", DEFAULT_SITE, base);
        }
        out.printf("  Admin API:                     %s/api/v1/admin/sites  (Authorization: Bearer %s)%n", base, adminToken);
        if (environment.getProperty(ProcessorSwitch.PROPERTY, Boolean.class, true)) {
            out.printf("  Caller log:                    %s/api/v1/cti/log  (same token)%n", base);
            if (environment.getProperty(ProcessorTopologiesConfiguration.STATISTICS_SWITCH, Boolean.class, true)) {
                out.printf("  Wallboard:                     %s/wallboard  (sign in with the same token)%n", base);
            }
        }
        out.printf("  Health, metrics, API docs:     %s  (management port)%n", managementUrl(environment));
        out.printf("  Kafka:                         %s%n", environment.getProperty(LocalKafkaInitializer.KAFKA_DESCRIPTION, "?"));
        out.printf("  Try:   curl -X POST --data \"event=newCall&from=493055571600&to=491711234567890"
                + "&direction=in&callId=123456&user[]=Alice&user[]=Bob\" %s%n", endpoint);
        out.printf("  Then:  ./callstream events      (prints what arrived on the events topic)%n%n");
        out.flush();
    }

    private static String managementUrl(Environment environment) {
        String address = environment.getProperty("management.server.address", "127.0.0.1");
        String host = address.equals("0.0.0.0") || address.equals("127.0.0.1") ? "localhost" : address;
        return "http://" + host + ":" + environment.getProperty("local.management.port", "3100") + "/actuator";
    }

    private boolean tokenStillValid(SiteStore store) {
        return store.site(DEFAULT_SITE).map(SiteConfig::getTokenSha256)
                .map(digest -> digest.equals(TokenDigest.of(siteToken)))
                .orElse(false);
    }
}
