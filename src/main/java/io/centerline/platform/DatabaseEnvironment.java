package io.centerline.platform;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points Centerline at its embedded PostgreSQL server when no {@code spring.datasource.url} is configured: the server
 * keeps its data under {@code centerline.data-dir} ({@code ./data} unless {@code CENTERLINE_DATA_DIR} says otherwise).
 * Setting {@code SPRING_DATASOURCE_URL} (with user and password) uses an external server instead.
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("centerline.data-dir", "./data"), "postgres");
        boolean clean = environment.getProperty("centerline.embedded-database.clean", Boolean.class, false);
        String jdbcUrl = EmbeddedDatabase.jdbcUrl(dataDirectory, clean);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "centerline-embedded-database",
                        Map.of(
                                "spring.datasource.url", jdbcUrl,
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "postgres")));
    }
}
