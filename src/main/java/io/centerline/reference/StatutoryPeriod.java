package io.centerline.reference;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A period set by statute or regulation (liquidation, post-summary correction window, ...), effective from a date:
 * the version that governs an entry is the one in force on its entry date.
 */
public record StatutoryPeriod(
        String code, LocalDate effectiveFrom, int amount, ChronoUnit unit, String description, String source) {

    public LocalDate addTo(LocalDate date) {
        return date.plus(amount, unit);
    }

    public LocalDate subtractFrom(LocalDate date) {
        return date.minus(amount, unit);
    }

    /** How the period reads in a rule, e.g. {@code 1 year} or {@code 314 days}. */
    public String describe() {
        String name = unit.toString().toLowerCase();
        return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
    }
}
