package io.centerline.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

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

    /**
     * The business date a setting gives, read strictly as {@code YYYY-MM-DD}. A value of another form, or a day the
     * calendar does not have, is refused with a message that names the setting, the value and the form.
     */
    public static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidDate(value, e);
        }
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

    /** A business date setting that is not a date of the form {@code YYYY-MM-DD}. */
    public static final class InvalidDate extends IllegalArgumentException {

        InvalidDate(String value, DateTimeParseException cause) {
            super(
                    "CENTERLINE_BUSINESS_DATE (centerline.business-date) is '" + value
                            + "', which is not a date of the form YYYY-MM-DD.",
                    cause);
        }
    }
}
