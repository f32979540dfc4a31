package io.centerline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeScheduleTests {

    private static FeeSchedule mpf(int fiscalYear, String min, String max, int requestedFiscalYear) {
        return new FeeSchedule(
                "MPF",
                fiscalYear,
                LocalDate.of(fiscalYear - 1, 10, 1),
                new BigDecimal("0.3464"),
                Money.usd(min),
                Money.usd(max),
                "90 FR 34665",
                true,
                requestedFiscalYear);
    }

    private static final FeeSchedule MPF_FY2026 = mpf(2026, "33.58", "651.50", 2026);

    private static final FeeSchedule HMF = new FeeSchedule(
            "HMF", 1998, LocalDate.of(1998, 1, 1), new BigDecimal("0.125"), null, null, "19 CFR 24.24", false, 2026);

    @ParameterizedTest(name = "MPF on {0} is {1}")
    @CsvSource({
        "5000.00, 33.58",
        "9694.00, 33.58",
        "9700.00, 33.60",
        "125000.00, 433.00",
        "188000.00, 651.23",
        "188100.00, 651.50",
        "1000000.00, 651.50",
        "0.00, 33.58",
    })
    void theMerchandiseProcessingFeeIsTheRateHeldBetweenMinimumAndMaximum(String value, String fee) {
        assertThat(MPF_FY2026.feeOn(Money.usd(value))).isEqualTo(Money.usd(fee));
    }

    @Test
    void aFeeWithoutMinimumOrMaximumIsTheRateAlone() {
        assertThat(HMF.feeOn(Money.usd("125000.00"))).isEqualTo(Money.usd("156.25"));
        assertThat(HMF.feeOn(Money.usd("10.00"))).isEqualTo(Money.usd("0.01"));
        assertThat(HMF.feeOn(Money.usd("3.00"))).isEqualTo(Money.usd("0.00"));
    }

    @ParameterizedTest(name = "{0} is in fiscal year {1}")
    @CsvSource({
        "2025-09-30, 2025",
        "2025-10-01, 2026",
        "2026-01-01, 2026",
        "2026-09-30, 2026",
        "2026-12-31, 2027",
    })
    void theFiscalYearBeginsOnTheFirstOfOctober(LocalDate date, int fiscalYear) {
        assertThat(FeeSchedule.fiscalYearOf(date)).isEqualTo(fiscalYear);
    }

    @Test
    void anAnnualScheduleIsPublishedForItsOwnFiscalYear() {
        assertThat(mpf(2026, "33.58", "651.50", 2026).published()).isTrue();
    }

    @Test
    void anAnnualScheduleStandingInForALaterFiscalYearIsNotPublished() {
        assertThat(mpf(2026, "33.58", "651.50", 2027).published()).isFalse();
    }

    @Test
    void aStandingRateIsPublishedForEveryYear() {
        assertThat(HMF.published()).isTrue();
    }
}
