package io.callstream.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What every callstream API shares: problem details for requests no route answered, and one
 * OpenAPI document with the security schemes the guards name and property names as the API speaks them.
 */
@AutoConfiguration(afterName = "org.springdoc.core.configuration.SpringDocConfiguration")
public class ApiConfiguration {

    @Bean
    UnroutedRequestProblems unroutedRequestProblems(ObjectProvider<ApiRoutes> routers,
            tools.jackson.databind.ObjectMapper mapper) {
        return new UnroutedRequestProblems(
                () -> routers.orderedStream().flatMap(router -> router.table().stream()).toList(), mapper);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI callstreamOpenApi(@Value("${spring.application.name:callstream}") String application) {
        return new OpenAPI()
                .info(new Info().title(application + " API")
                        .description("The PBX endpoint (Zammad's Generic CTI API), the admin API for sites and rules, "
                                + "and the caller log, calls and contacts, as far as this application serves them."))
                .components(new Components()
                        .addSecuritySchemes(Guard.ADMIN_TOKEN.securityScheme().orElseThrow(), bearer())
                        .addSecuritySchemes(Guard.API_TOKEN.securityScheme().orElseThrow(), bearer()));
    }

    @Bean
    @ConditionalOnBean(ObjectMapperProvider.class)
    Jackson3Naming jackson3NamingInOpenApi(ObjectMapperProvider springdocMappers) {
        return Jackson3Naming.installedOn(springdocMappers.jsonMapper());
    }

    private static SecurityScheme bearer() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer");
    }
}
