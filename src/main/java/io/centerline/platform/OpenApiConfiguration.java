package io.centerline.platform;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description at {@code /v3/api-docs} says of the API as a whole: its name and version, that every
 * operation needs HTTP Basic sign-in, and that every refusal an operation documents (a 4xx answer) has the shape of
 * {@link ErrorsBody}, as {@link ApiErrors} and the controllers answer them, so that an operation names its refusals by
 * code and description alone.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";

    static {
        // decimals are written as plain decimal strings (JsonConfiguration), so they are described as such
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        BigDecimal.class,
                        new StringSchema()
                                .format("decimal")
                                .pattern("^-?[0-9]+(\\.[0-9]+)?$")
                                .example("125000.00"));
    }

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

    @Bean
    OpenApiCustomizer refusalsHaveTheErrorShape() {
        return api -> {
            ModelConverters.getInstance().readAll(ErrorsBody.class).forEach(api.getComponents()::addSchemas);
            Content errors = new Content()
                    .addMediaType(
                            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                            new MediaType()
                                    .schema(new Schema<>()
                                            .$ref("#/components/schemas/" + ErrorsBody.class.getSimpleName())));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .map(Operation::getResponses)
                    .filter(responses -> responses != null)
                    .forEach(responses -> responses.forEach((code, response) -> {
                        // every refusal answers {"errors": [...]}, whatever the operation answers when it succeeds
                        if (code.startsWith("4")) {
                            response.setContent(errors);
                        }
                    }));
        };
    }
}
