package io.centerline.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description at {@code /v3/api-docs} says of the API as a whole: its name and version, and that
 * every operation needs HTTP Basic sign-in.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";

    @Bean
    OpenAPI centerlineApi() {
        String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Centerline API")
                        .version(version == null ? "v1" : version)
                        .description("Entry summary intake, routing, clocks and targeting for the Centers of"
                                + " Excellence and Expertise. Errors answer {\"errors\": [{\"record\", \"line\","
                                + " \"field\", \"code\", \"message\"}]}; see the README for the codes."))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
