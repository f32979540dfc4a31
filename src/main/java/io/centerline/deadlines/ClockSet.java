package io.centerline.deadlines;

import java.time.LocalDate;

/**
 * The first clocks of an entry summary, each with the rule that produced it.
 *
 * @param liquidationDeadline the date the entry is deemed liquidated if CBP has not liquidated it
 * @param scheduledLiquidationDate the Friday ACE schedules liquidation for
 * @param pscCutoffDate the last day a post-summary correction may be filed
 */
public record ClockSet(
        LocalDate liquidationDeadline,
        LocalDate scheduledLiquidationDate,
        LocalDate pscCutoffDate,
        String liquidationDeadlineRule,
        String scheduledLiquidationRule,
        String pscCutoffRule) {

    /** Whether an entry filed on a business date has passed its liquidation deadline and stands deemed liquidated. */
    public boolean deemedLiquidatedOn(LocalDate businessDate) {
        return businessDate.isAfter(liquidationDeadline);
    }
}
