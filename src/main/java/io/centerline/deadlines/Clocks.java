package io.centerline.deadlines;

import io.centerline.reference.ReferenceData;
import io.centerline.reference.StatutoryPeriod;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Computes the clocks of an entry from its entry date and the statutory periods in force on that date:
 *
 * <ul>
 *   <li>liquidation deadline: entry date plus the liquidation period (1 year, 19 U.S.C. 1504(a)); an entry not
 *       liquidated by then is deemed liquidated;
 *   <li>scheduled liquidation: the first Friday on or after entry date plus 314 days (ACE practice);
 *   <li>post-summary-correction cut-off: the earlier of entry date plus 300 days and scheduled liquidation less 15
 *       days.
 * </ul>
 */
@Service
public class Clocks {

    public static final String LIQUIDATION_DEADLINE = "LIQUIDATION_DEADLINE";
    public static final String SCHEDULED_LIQUIDATION = "SCHEDULED_LIQUIDATION";
    public static final String PSC_CUTOFF = "PSC_CUTOFF";

    private final ReferenceData reference;
    private final Map<LocalDate, ClockSet> computed = new ConcurrentHashMap<>();

    public Clocks(ReferenceData reference) {
        this.reference = reference;
    }

    /** The clocks of an entry filed on a date; the same date always gives the same clocks, so they are kept. */
    public ClockSet forEntry(LocalDate entryDate) {
        if (computed.size() > 100_000) {
            computed.clear();
        }
        return computed.computeIfAbsent(
                entryDate,
                date -> compute(
                        date,
                        reference.statutoryPeriod("LIQUIDATION_DEADLINE", date),
                        reference.statutoryPeriod("SCHEDULED_LIQUIDATION", date),
                        reference.statutoryPeriod("PSC_WINDOW", date),
                        reference.statutoryPeriod("PSC_BEFORE_LIQUIDATION", date)));
    }

    static ClockSet compute(
            LocalDate entryDate,
            StatutoryPeriod liquidation,
            StatutoryPeriod scheduled,
            StatutoryPeriod pscWindow,
            StatutoryPeriod pscBeforeLiquidation) {
        LocalDate deadline = liquidation.addTo(entryDate);
        LocalDate scheduledDate = scheduled.addTo(entryDate).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        LocalDate windowEnd = pscWindow.addTo(entryDate);
        LocalDate beforeLiquidation = pscBeforeLiquidation.subtractFrom(scheduledDate);
        LocalDate cutoff = windowEnd.isBefore(beforeLiquidation) ? windowEnd : beforeLiquidation;
        return new ClockSet(
                deadline,
                scheduledDate,
                cutoff,
                new ClockSet.Basis(entryDate, liquidation, scheduled, pscWindow, pscBeforeLiquidation));
    }
}
