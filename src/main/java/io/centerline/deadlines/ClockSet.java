package io.centerline.deadlines;

import io.centerline.reference.StatutoryPeriod;
import java.time.LocalDate;

/**
 * The first clocks of an entry summary and the rules that produced them.
 *
 * @param liquidationDeadline the date the entry is deemed liquidated if CBP has not liquidated it
 * @param scheduledLiquidationDate the Friday ACE schedules liquidation for
 * @param pscCutoffDate the last day a post-summary correction may be filed
 * @param basis the entry date and the statutory periods the dates were computed from
 */
public record ClockSet(
        LocalDate liquidationDeadline, LocalDate scheduledLiquidationDate, LocalDate pscCutoffDate, Basis basis) {

    /** The entry date and the versions of the statutory periods in force on it. */
    public record Basis(
            LocalDate entryDate,
            StatutoryPeriod liquidation,
            StatutoryPeriod scheduledLiquidation,
            StatutoryPeriod pscWindow,
            StatutoryPeriod pscBeforeLiquidation) {}

    /** Whether an entry filed on a business date has passed its liquidation deadline and stands deemed liquidated. */
    public boolean deemedLiquidatedOn(LocalDate businessDate) {
        return businessDate.isAfter(liquidationDeadline);
    }

    public String liquidationDeadlineRule() {
        return liquidationDeadlineRuleWithoutDeeming() + "; deemed liquidated if not liquidated by then";
    }

    /** The rule of the deadline alone, for an entry whose liquidation is suspended and so is not deemed liquidated. */
    public String liquidationDeadlineRuleWithoutDeeming() {
        return "entry date " + basis.entryDate() + " + " + basis.liquidation().describe() + " ("
                + basis.liquidation().source() + ")";
    }

    public String scheduledLiquidationRule() {
        return "first Friday on or after entry date " + basis.entryDate() + " + "
                + basis.scheduledLiquidation().describe() + " ("
                + basis.scheduledLiquidation().addTo(basis.entryDate()) + ")";
    }

    public String pscCutoffRule() {
        return "earlier of entry date + " + basis.pscWindow().describe() + " ("
                + basis.pscWindow().addTo(basis.entryDate()) + ") and scheduled liquidation - "
                + basis.pscBeforeLiquidation().describe() + " ("
                + basis.pscBeforeLiquidation().subtractFrom(scheduledLiquidationDate) + ")";
    }
}
