package io.callstream.ingress.config;

import io.callstream.ingress.admin.SiteAdminHandler;
import io.callstream.ingress.admin.SiteAdministration;
import io.callstream.ingress.admin.SiteForwarding;
import io.callstream.ingress.admin.ZammadSettings;
import io.callstream.sites.store.SiteStore;
import io.callstream.sites.store.SiteWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The admin API for sites and rules; its routes are in the edge's router ({@link EdgeRoutesConfiguration}). */
@Configuration(proxyBeanMethods = false)
class AdminApiConfiguration {

    @Bean
    SiteAdministration siteAdministration(SiteStore siteStore, SiteWriter siteWriter) {
        return new SiteAdministration(siteStore, siteWriter);
    }

    @Bean(destroyMethod = "dispose")
    Scheduler adminScheduler() {
        return Schedulers.newBoundedElastic(4, 1_000, "admin");
    }

    @Bean
    SiteAdminHandler siteAdminHandler(SiteAdministration siteAdministration, SiteStore siteStore, SiteWriter siteWriter,
            Scheduler adminScheduler) {
        return new SiteAdminHandler(siteAdministration, new ZammadSettings(siteStore, siteWriter),
                new SiteForwarding(siteStore, siteWriter), adminScheduler);
    }
}
