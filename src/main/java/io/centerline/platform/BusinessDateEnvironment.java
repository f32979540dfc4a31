package io.centerline.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a business date that is not a date of the form {@code YYYY-MM-DD} as soon as the settings are read, before
 * the embedded database starts or any bean is made, so that the start ends with {@link InvalidBusinessDateAnalyzer}'s
 * few lines rather than with a failed context and its stack traces. It runs after the configuration files are read
 * and before {@link DatabaseEnvironment}.
 */
public class BusinessDateEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String businessDate = environment.getProperty("centerline.business-date");
        if (businessDate != null && !businessDate.isBlank()) {
            BusinessClock.date(businessDate);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
