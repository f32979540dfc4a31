package io.centerline.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of Centerline. With {@code centerline.business-date} ({@code CENTERLINE_BUSINESS_DATE}) set
 * it is a {@link BusinessClock} held to that date; otherwise the system clock, in the zone of
 * {@code centerline.time-zone}.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(
            @Value("${centerline.business-date:}") String businessDate,
            @Value("${centerline.time-zone:America/New_York}") String zone) {
        Clock system = Clock.system(ZoneId.of(zone));
        if (businessDate == null || businessDate.isBlank()) {
            return system;
        }
        return new BusinessClock(BusinessClock.date(businessDate), system);
    }
}
