package io.centerline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.accounts.PredominantCenter.Trade;
import io.centerline.reference.CenterCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rules of {@link PredominantCenter} that hold for any trade: trade added to the predominant Center, however much and
 * in whatever metric, never takes the account away from it (what {@link PredominantCenter#weighing} rests on); and the
 * shares of trade sum to exactly a hundred percent.
 */
class PredominantCenterPropertyTests {

    private static final List<CenterCode> CENTERS = List.of("AFT", "ELEC", "MACH", "CONS", "PHARMA").stream()
            .map(CenterCode::of)
            .toList();

    @Property(tries = 3_000)
    void tradeAddedToThePredominantCenterKeepsIt(
            @ForAll("trade") Map<CenterCode, Trade> stored,
            @ForAll("oneTrade") Trade added,
            @ForAll AssignmentMetric metric) {
        // with no trade at all, whatever Center the account has keeps it
        CenterCode predominant = PredominantCenter.of(stored, metric, null).orElse(CENTERS.get(0));
        Map<CenterCode, Trade> after = new LinkedHashMap<>(stored);
        after.merge(predominant, added, Trade::plus);

        assertThat(PredominantCenter.of(after, metric, predominant)).contains(predominant);
    }

    @Property(tries = 3_000)
    void theSharesOfAnyTradeSumToExactlyAHundredEachWithinAHundredthOfItsExactShare(
            @ForAll("trade") Map<CenterCode, Trade> trade, @ForAll AssignmentMetric metric) {
        BigDecimal total = trade.values().stream().map(t -> t.measure(metric)).reduce(BigDecimal.ZERO, BigDecimal::add);

        Map<String, BigDecimal> shares = PredominantCenter.shares(trade, metric);

        if (total.signum() == 0) {
            assertThat(shares).isEmpty();
            return;
        }
        assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100.00");
        trade.forEach((center, t) -> {
            BigDecimal exact =
                    t.measure(metric).multiply(BigDecimal.valueOf(100)).divide(total, 20, RoundingMode.DOWN);
            if (t.measure(metric).signum() == 0) {
                assertThat(shares).doesNotContainKey(center.value());
            } else {
                assertThat(shares.get(center.value()).subtract(exact).abs())
                        .isLessThanOrEqualTo(new BigDecimal("0.01"));
            }
        });
    }

    @Provide
    Arbitrary<Map<CenterCode, Trade>> trade() {
        return Arbitraries.maps(Arbitraries.of(CENTERS), oneTrade())
                .ofMinSize(1)
                .ofMaxSize(CENTERS.size());
    }

    @Provide
    Arbitrary<Trade> oneTrade() {
        return Combinators.combine(
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("1000000.00"))
                                .ofScale(2),
                        Arbitraries.longs().between(0, 500))
                .as(Trade::new);
    }
}
