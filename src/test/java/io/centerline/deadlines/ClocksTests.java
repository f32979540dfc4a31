package io.centerline.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.reference.StatutoryPeriod;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ClocksTests {

    private static final LocalDate CURRENT_RULES = LocalDate.of(2017, 11, 1);
    private static final LocalDate OLD_RULES = LocalDate.of(1990, 1, 1);

    private static final StatutoryPeriod LIQUIDATION =
            period("LIQUIDATION_DEADLINE", OLD_RULES, 1, ChronoUnit.YEARS, "19 U.S.C. 1504(a)");
    private static final StatutoryPeriod SCHEDULED =
            period("SCHEDULED_LIQUIDATION", OLD_RULES, 314, ChronoUnit.DAYS, "ACE practice");
    private static final StatutoryPeriod PSC_WINDOW =
            period("PSC_WINDOW", CURRENT_RULES, 300, ChronoUnit.DAYS, "CBP notice 2017");
    private static final StatutoryPeriod PSC_BEFORE_LIQUIDATION =
            period("PSC_BEFORE_LIQUIDATION", CURRENT_RULES, 15, ChronoUnit.DAYS, "CBP notice 2017");
    private static final StatutoryPeriod PSC_WINDOW_BEFORE_2017 =
            period("PSC_WINDOW", OLD_RULES, 270, ChronoUnit.DAYS, "ACE PSC");
    private static final StatutoryPeriod PSC_BEFORE_LIQUIDATION_BEFORE_2017 =
            period("PSC_BEFORE_LIQUIDATION", OLD_RULES, 20, ChronoUnit.DAYS, "ACE PSC");

    private static StatutoryPeriod period(
            String code, LocalDate effectiveFrom, int amount, ChronoUnit unit, String source) {
        return new StatutoryPeriod(code, effectiveFrom, amount, unit, code, source);
    }

    private static ClockSet clocksFor(LocalDate entryDate) {
        return Clocks.compute(entryDate, LIQUIDATION, SCHEDULED, PSC_WINDOW, PSC_BEFORE_LIQUIDATION);
    }

    @Test
    void theExampleEntryOfTwoMarch2026HasItsDocumentedClocks() {
        ClockSet clocks = clocksFor(LocalDate.of(2026, 3, 2));

        assertThat(clocks.liquidationDeadline()).isEqualTo(LocalDate.of(2027, 3, 2));
        assertThat(clocks.scheduledLiquidationDate()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(clocks.pscCutoffDate()).isEqualTo(LocalDate.of(2026, 12, 27));
    }

    @Test
    void theLiquidationDeadlineIsOneYearAfterEntry() {
        assertThat(clocksFor(LocalDate.of(2025, 7, 31)).liquidationDeadline()).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void anEntryOnTwentyNinthFebruaryLiquidatesByTwentyEighthFebruaryNextYear() {
        assertThat(clocksFor(LocalDate.of(2024, 2, 29)).liquidationDeadline()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void scheduledLiquidationIsEntryPlus314WhenThatDayIsAFriday() {
        // 2026-01-10 (Saturday) + 314 days = 2026-11-20, a Friday
        ClockSet clocks = clocksFor(LocalDate.of(2026, 1, 10));

        assertThat(clocks.scheduledLiquidationDate())
                .isEqualTo(LocalDate.of(2026, 11, 20))
                .satisfies(d -> assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY));
    }

    @Test
    void scheduledLiquidationMovesFromASaturdayToTheNextFriday() {
        // 2026-01-11 + 314 days = 2026-11-21, a Saturday; the next Friday is 2026-11-27
        ClockSet clocks = clocksFor(LocalDate.of(2026, 1, 11));

        assertThat(LocalDate.of(2026, 11, 21).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(clocks.scheduledLiquidationDate()).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void thePscCutoffIsScheduledLiquidationLess15DaysWhenThatComesFirst() {
        // entry 2026-01-10: entry + 300 = 2026-11-06; scheduled 2026-11-20 - 15 = 2026-11-05
        ClockSet clocks = clocksFor(LocalDate.of(2026, 1, 10));

        assertThat(clocks.pscCutoffDate()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(clocks.pscCutoffRule())
                .isEqualTo("earlier of entry date + 300 days (2026-11-06) and scheduled liquidation - 15 days"
                        + " (2026-11-05)");
    }

    @Test
    void thePscCutoffIs300DaysAfterEntryWhenThatComesFirst() {
        // entry 2026-01-11: entry + 300 = 2026-11-07; scheduled 2026-11-27 - 15 = 2026-11-12
        ClockSet clocks = clocksFor(LocalDate.of(2026, 1, 11));

        assertThat(clocks.pscCutoffDate()).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(clocks.pscCutoffRule())
                .isEqualTo("earlier of entry date + 300 days (2026-11-07) and scheduled liquidation - 15 days"
                        + " (2026-11-12)");
    }

    @Test
    void beforeNovember2017ThePscWindowWas270DaysAnd20DaysBeforeLiquidation() {
        // entry 2016-06-01: + 270 = 2017-02-26; + 314 = 2017-04-11 (Tuesday) -> Friday 2017-04-14, - 20 = 2017-03-25
        ClockSet clocks = Clocks.compute(
                LocalDate.of(2016, 6, 1),
                LIQUIDATION,
                SCHEDULED,
                PSC_WINDOW_BEFORE_2017,
                PSC_BEFORE_LIQUIDATION_BEFORE_2017);

        assertThat(clocks.liquidationDeadline()).isEqualTo(LocalDate.of(2017, 6, 1));
        assertThat(clocks.scheduledLiquidationDate()).isEqualTo(LocalDate.of(2017, 4, 14));
        assertThat(clocks.pscCutoffDate()).isEqualTo(LocalDate.of(2017, 2, 26));
    }

    @Test
    void eachClockStatesTheRuleThatProducedIt() {
        ClockSet clocks = clocksFor(LocalDate.of(2026, 3, 2));

        assertThat(clocks.liquidationDeadlineRule())
                .isEqualTo("entry date 2026-03-02 + 1 year (19 U.S.C. 1504(a)); deemed liquidated if not liquidated"
                        + " by then");
        assertThat(clocks.scheduledLiquidationRule())
                .isEqualTo("first Friday on or after entry date 2026-03-02 + 314 days (2027-01-10)");
    }

    @Test
    void anEntryIsDeemedLiquidatedOnlyStrictlyAfterItsDeadline() {
        ClockSet clocks = clocksFor(LocalDate.of(2026, 3, 2));

        assertThat(clocks.deemedLiquidatedOn(LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(clocks.deemedLiquidatedOn(LocalDate.of(2027, 3, 2))).isFalse();
        assertThat(clocks.deemedLiquidatedOn(LocalDate.of(2027, 3, 3))).isTrue();
    }
}
