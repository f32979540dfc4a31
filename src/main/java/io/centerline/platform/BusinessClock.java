package io.centerline.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A clock held to a fixed business date while its time of day runs on, as training and sandbox environments of core
 * systems have: every "today" in Centerline reads this date, and timestamps still advance.
 */
public final class BusinessClock extends Clock {

    private final LocalDate businessDate;
    private final Clock system;

    public BusinessClock(LocalDate businessDate, Clock system) {
        this.businessDate = businessDate;
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new BusinessClock(businessDate, system.withZone(zone));
    }

    @Override
    public Instant instant() {
        LocalTime timeOfDay = LocalTime.now(system);
        return businessDate.atTime(timeOfDay).atZone(system.getZone()).toInstant();
    }
}
