package io.centerline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.accounts.PredominantCenter.Trade;
import io.centerline.reference.CenterCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PredominantCenterTests {

    private static final CenterCode ELEC = CenterCode.of("ELEC");
    private static final CenterCode AFT = CenterCode.of("AFT");
    private static final CenterCode MACH = CenterCode.of("MACH");
    private static final CenterCode CONS = CenterCode.of("CONS");
    private static final CenterCode BM = CenterCode.of("BM");

    private static Trade trade(String value, long lines) {
        return new Trade(new BigDecimal(value), lines);
    }

    private static Map<CenterCode, Trade> inOrder(Object... centersAndTrades) {
        Map<CenterCode, Trade> map = new LinkedHashMap<>();
        for (int i = 0; i < centersAndTrades.length; i += 2) {
            map.put((CenterCode) centersAndTrades[i], (Trade) centersAndTrades[i + 1]);
        }
        return map;
    }

    @Test
    void byValueTheCenterWithTheLargestEnteredValueIsPredominant() {
        Map<CenterCode, Trade> trade = inOrder(ELEC, trade("900000.00", 2), AFT, trade("100000.00", 40));

        assertThat(PredominantCenter.of(trade, AssignmentMetric.VALUE, null)).contains(ELEC);
    }

    @Test
    void byLinesTheCenterWithTheMostLinesIsPredominant() {
        Map<CenterCode, Trade> trade = inOrder(ELEC, trade("900000.00", 2), AFT, trade("100000.00", 40));

        assertThat(PredominantCenter.of(trade, AssignmentMetric.LINES, null)).contains(AFT);
    }

    @Test
    void onATieTheCurrentCenterKeepsTheAccount() {
        Map<CenterCode, Trade> trade = inOrder(AFT, trade("500.00", 5), MACH, trade("500", 5));

        assertThat(PredominantCenter.of(trade, AssignmentMetric.VALUE, MACH)).contains(MACH);
        assertThat(PredominantCenter.of(trade, AssignmentMetric.LINES, MACH)).contains(MACH);
    }

    @Test
    void theCurrentCenterLosesWhenAnotherCenterHasMore() {
        Map<CenterCode, Trade> trade = inOrder(AFT, trade("500.01", 5), MACH, trade("500.00", 5));

        assertThat(PredominantCenter.of(trade, AssignmentMetric.VALUE, MACH)).contains(AFT);
    }

    @Test
    void aTieBetweenNewCentersGoesToTheFirstCodeAlphabeticallyWhateverTheReadingOrder() {
        Map<CenterCode, Trade> forward = inOrder(MACH, trade("700", 3), CONS, trade("700", 3), ELEC, trade("10", 1));
        Map<CenterCode, Trade> backward = inOrder(ELEC, trade("10", 1), CONS, trade("700", 3), MACH, trade("700", 3));

        assertThat(PredominantCenter.of(forward, AssignmentMetric.VALUE, ELEC)).contains(CONS);
        assertThat(PredominantCenter.of(backward, AssignmentMetric.VALUE, ELEC)).contains(CONS);
        assertThat(PredominantCenter.of(forward, AssignmentMetric.VALUE, null)).contains(CONS);
    }

    @Test
    void withNoTradeTheCurrentCenterStays() {
        assertThat(PredominantCenter.of(Map.of(), AssignmentMetric.VALUE, AFT)).contains(AFT);
        assertThat(PredominantCenter.of(Map.of(), AssignmentMetric.LINES, null)).isEmpty();
    }

    @Test
    void tradePlusAddsValueAndLines() {
        assertThat(trade("10.50", 2).plus(trade("4.25", 3))).isEqualTo(new Trade(new BigDecimal("14.75"), 5));
    }

    @Test
    void sharesAreInPercentToTwoDecimalsLargestFirst() {
        Map<CenterCode, Trade> trade = inOrder(AFT, trade("250", 1), ELEC, trade("750", 3));

        Map<String, BigDecimal> shares = PredominantCenter.shares(trade, AssignmentMetric.VALUE);

        assertThat(shares)
                .containsExactly(Map.entry("ELEC", new BigDecimal("75.00")), Map.entry("AFT", new BigDecimal("25.00")));
    }

    @Test
    void sharesByLinesCountLinesNotValue() {
        Map<CenterCode, Trade> trade = inOrder(AFT, trade("999999", 1), ELEC, trade("1", 7));

        assertThat(PredominantCenter.shares(trade, AssignmentMetric.LINES))
                .containsExactly(Map.entry("ELEC", new BigDecimal("87.50")), Map.entry("AFT", new BigDecimal("12.50")));
    }

    @Test
    void equalSharesSumToExactlyAHundredTheHundredthLeftOverGoingToTheFirstCenterInCodeOrder() {
        Map<CenterCode, Trade> trade = inOrder(ELEC, trade("1", 1), BM, trade("1", 1), AFT, trade("1", 1));

        Map<String, BigDecimal> shares = PredominantCenter.shares(trade, AssignmentMetric.VALUE);

        assertThat(shares)
                .containsExactly(
                        Map.entry("AFT", new BigDecimal("33.34")),
                        Map.entry("BM", new BigDecimal("33.33")),
                        Map.entry("ELEC", new BigDecimal("33.33")));
        assertThat(sum(shares)).isEqualTo("100.00");
    }

    @Test
    void theHundredthsLeftOverGoOneEachToTheSharesThatLostMostInRoundingDown() {
        // 1 of 7 is 14.2857...%: rounded half up, seven would sum to 100.03; rounded down, to 99.96
        Map<CenterCode, Trade> sevenths = new LinkedHashMap<>();
        for (String code : List.of("PNGM", "PHC", "ELEC", "BM", "AG", "AFT", "AA")) {
            sevenths.put(CenterCode.of(code), trade("10.00", 1));
        }
        // 1 of 3 is 33.333...%, 2 of 3 66.666...%: the larger loses more and takes the hundredth left over
        Map<CenterCode, Trade> thirds = inOrder(AFT, trade("100", 1), ELEC, trade("200", 1));

        assertThat(PredominantCenter.shares(sevenths, AssignmentMetric.VALUE))
                .containsExactly(
                        Map.entry("AA", new BigDecimal("14.29")),
                        Map.entry("AFT", new BigDecimal("14.29")),
                        Map.entry("AG", new BigDecimal("14.29")),
                        Map.entry("BM", new BigDecimal("14.29")),
                        Map.entry("ELEC", new BigDecimal("14.28")),
                        Map.entry("PHC", new BigDecimal("14.28")),
                        Map.entry("PNGM", new BigDecimal("14.28")));
        assertThat(PredominantCenter.shares(thirds, AssignmentMetric.VALUE))
                .containsExactly(Map.entry("ELEC", new BigDecimal("66.67")), Map.entry("AFT", new BigDecimal("33.33")));
    }

    @Test
    void sharesThatRoundedHalfUpWouldExceedAHundredSumToExactlyAHundred() {
        // 1 of 800 is 0.125% and 799 of 800 99.875%: both lose as much in rounding down, and the first code takes it
        Map<CenterCode, Trade> trade = inOrder(ELEC, trade("799", 1), AFT, trade("1", 1));

        Map<String, BigDecimal> shares = PredominantCenter.shares(trade, AssignmentMetric.VALUE);

        assertThat(shares)
                .containsExactly(Map.entry("ELEC", new BigDecimal("99.87")), Map.entry("AFT", new BigDecimal("0.13")));
        assertThat(sum(shares)).isEqualTo("100.00");
    }

    @Test
    void theSharesDoNotDependOnTheOrderTheTradeWasRead() {
        Map<CenterCode, Trade> forward = inOrder(AFT, trade("1", 1), BM, trade("1", 1), ELEC, trade("1", 1));
        Map<CenterCode, Trade> backward = inOrder(ELEC, trade("1", 1), BM, trade("1", 1), AFT, trade("1", 1));

        assertThat(PredominantCenter.shares(backward, AssignmentMetric.LINES))
                .containsExactlyEntriesOf(PredominantCenter.shares(forward, AssignmentMetric.LINES));
    }

    @Test
    void aCenterWithoutTradeByTheMetricHasNoShare() {
        // a correction moved all of ELEC's value and its line away; MACH's one line was declared worth nothing
        Map<CenterCode, Trade> trade =
                inOrder(AFT, trade("100000.00", 1), ELEC, trade("0.00", 0), MACH, trade("0.00", 1));

        assertThat(PredominantCenter.shares(trade, AssignmentMetric.VALUE))
                .containsExactly(Map.entry("AFT", new BigDecimal("100.00")));
        assertThat(PredominantCenter.shares(trade, AssignmentMetric.LINES))
                .containsExactly(Map.entry("AFT", new BigDecimal("50.00")), Map.entry("MACH", new BigDecimal("50.00")));
    }

    @Test
    void withoutAnyTradeThereAreNoShares() {
        assertThat(PredominantCenter.shares(inOrder(AFT, trade("0", 0)), AssignmentMetric.VALUE))
                .isEmpty();
        assertThat(PredominantCenter.shares(Map.of(), AssignmentMetric.LINES)).isEmpty();
    }

    @Test
    void storedSharesAreReadLargestFirstThenInCodeOrder() {
        Map<String, BigDecimal> stored = new LinkedHashMap<>();
        stored.put("BM", new BigDecimal("33.33"));
        stored.put("AFT", new BigDecimal("33.34"));
        stored.put("ELEC", new BigDecimal("33.33"));

        assertThat(PredominantCenter.largestFirst(stored))
                .containsExactly(
                        Map.entry("AFT", new BigDecimal("33.34")),
                        Map.entry("BM", new BigDecimal("33.33")),
                        Map.entry("ELEC", new BigDecimal("33.33")));
    }

    private static String sum(Map<String, BigDecimal> shares) {
        return shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
    }

    private static final LocalDate WINDOW = LocalDate.of(2025, 12, 1);

    @Test
    void aCenterStandsWithoutWeighingWhenAllNewTradeFallsToItWithinTheWindowItWasWeighedOn() {
        assertThat(PredominantCenter.weighing(ELEC, WINDOW, WINDOW, Set.of(ELEC), Set.of()))
                .isEqualTo(PredominantCenter.Weighing.NOT_NEEDED);
    }

    @Test
    void anAccountWithTradeFallingToAnotherCenterIsWeighedOnceTheBatchIsStored() {
        assertThat(PredominantCenter.weighing(ELEC, WINDOW, WINDOW, Set.of(ELEC, AFT), Set.of()))
                .isEqualTo(PredominantCenter.Weighing.AFTER_BATCH);
        assertThat(PredominantCenter.weighing(ELEC, WINDOW, WINDOW, Set.of(AFT), Set.of()))
                .isEqualTo(PredominantCenter.Weighing.AFTER_BATCH);
    }

    @Test
    void anAccountWhoseCenterLosesTradeToACorrectionIsWeighedOnceTheBatchIsStored() {
        assertThat(PredominantCenter.weighing(ELEC, WINDOW, WINDOW, Set.of(), Set.of(ELEC)))
                .isEqualTo(PredominantCenter.Weighing.AFTER_BATCH);
        assertThat(PredominantCenter.weighing(ELEC, WINDOW, WINDOW, Set.of(ELEC), Set.of(AFT)))
                .as("trade taken from another Center only widens the lead")
                .isEqualTo(PredominantCenter.Weighing.NOT_NEEDED);
    }

    @Test
    void anAccountIsWeighedAtOnceWhenTheTrailingWindowHasMovedSinceItWasWeighed() {
        assertThat(PredominantCenter.weighing(ELEC, WINDOW.minusMonths(1), WINDOW, Set.of(ELEC), Set.of()))
                .isEqualTo(PredominantCenter.Weighing.NOW);
        assertThat(PredominantCenter.weighing(ELEC, null, WINDOW, Set.of(AFT), Set.of()))
                .isEqualTo(PredominantCenter.Weighing.NOW);
    }

    @Test
    void anAccountWithoutACenterIsWeighedAtOnce() {
        assertThat(PredominantCenter.weighing(null, WINDOW, WINDOW, Set.of(ELEC), Set.of()))
                .isEqualTo(PredominantCenter.Weighing.NOW);
    }
}
