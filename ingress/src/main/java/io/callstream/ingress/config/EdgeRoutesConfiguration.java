package io.callstream.ingress.config;

import io.callstream.ingress.admin.AdminRoutes;
import io.callstream.ingress.admin.SiteAdminHandler;
import io.callstream.ingress.cti.CtiHandler;
import io.callstream.ingress.cti.CtiRoutes;
import io.callstream.ingress.cti.SiteTokenGuard;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.BearerTokenGuard;
import io.callstream.web.api.Guard;
import io.callstream.web.api.ProblemMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The edge's one router: the PBX endpoint behind site tokens, the admin API behind the admin token. */
@Configuration(proxyBeanMethods = false)
class EdgeRoutesConfiguration {

    @Bean
    @Order(0)
    ApiRoutes edgeRoutes(CtiHandler ctiHandler, SiteTokenGuard siteTokenGuard, SiteAdminHandler siteAdminHandler,
            IngressProperties properties) {
        ApiRoutes.Builder routes = ApiRoutes.builder(AdminRoutes.problems(ProblemMapping.builder()).build())
                .enforce(Guard.SITE_TOKEN, siteTokenGuard)
                .enforce(Guard.ADMIN_TOKEN,
                        new BearerTokenGuard("admin token", "callstream-admin", properties.admin().token()));
        CtiRoutes.addTo(routes, ctiHandler);
        AdminRoutes.addTo(routes, siteAdminHandler);
        return routes.build();
    }
}
