package io.callstream.ingress.config;

import io.callstream.ingress.admin.AdminProblems;
import io.callstream.ingress.admin.AdminTokenFilter;
import io.callstream.ingress.admin.SiteAdminController;
import io.callstream.ingress.admin.SiteAdministration;
import io.callstream.sites.store.SiteStore;
import io.callstream.sites.store.SiteWriter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

/** The admin API for sites and rules, its authentication and its OpenAPI description. */
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
    SiteAdminController siteAdminController(SiteAdministration siteAdministration, Scheduler adminScheduler) {
        return new SiteAdminController(siteAdministration, adminScheduler);
    }

    @Bean
    AdminProblems adminProblems() {
        return new AdminProblems();
    }

    @Bean
    AdminTokenFilter adminTokenFilter(IngressProperties properties, ObjectMapper mapper) {
        return new AdminTokenFilter(properties.admin().token(), mapper);
    }

    @Bean
    OpenAPI callstreamOpenApi() {
        return new OpenAPI()
                .info(new Info().title("callstream admin API")
                        .description("Sites, PBX tokens, inbound block lists and outbound caller-id routing. "
                                + "Changes reach every edge instance through Kafka within a second."))
                .components(new Components().addSecuritySchemes("admin-token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
