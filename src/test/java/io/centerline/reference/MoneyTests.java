package io.centerline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

    @ParameterizedTest(name = "{0} is held as {1}")
    @CsvSource({
        "1.005, 1.01",
        "1.004, 1.00",
        "2.345, 2.35",
        "2.355, 2.36",
        "-1.005, -1.01",
        "125000, 125000.00",
        "0.1, 0.10",
    })
    void amountsAreRoundedHalfUpToTheCent(String given, String held) {
        assertThat(Money.usd(given).amount()).isEqualTo(new BigDecimal(held));
        assertThat(Money.usd(given).toString()).isEqualTo(held);
    }

    @Test
    void amountsWrittenDifferentlyAreEqual() {
        assertThat(Money.usd("125000")).isEqualTo(Money.usd("125000.00"));
        assertThat(Money.usd("125000")).hasSameHashCodeAs(Money.usd("125000.000"));
    }

    @Test
    void aPercentageIsRoundedHalfUpToTheCent() {
        // 1.01 x 50% = 0.505 -> 0.51 (half-even would give 0.50)
        assertThat(Money.usd("1.01").percent(new BigDecimal("50"))).isEqualTo(Money.usd("0.51"));
        // 125000.00 x 0.3464% = 433.00
        assertThat(Money.usd("125000.00").percent(new BigDecimal("0.3464"))).isEqualTo(Money.usd("433.00"));
        // 1443.00 x 0.3464% = 4.998552 -> 5.00
        assertThat(Money.usd("1443.00").percent(new BigDecimal("0.3464"))).isEqualTo(Money.usd("5.00"));
    }

    @Test
    void plusAndMinusStayToTheCent() {
        assertThat(Money.usd("10.10").plus(Money.usd("0.905"))).isEqualTo(Money.usd("11.01"));
        assertThat(Money.usd("10.00").minus(Money.usd("10.01"))).isEqualTo(Money.usd("-0.01"));
        assertThat(Money.usd("10.00").minus(Money.usd("10.01")).isNegative()).isTrue();
    }

    @Test
    void maxAndMinPickTheLargerAndSmallerAmount() {
        Money small = Money.usd("33.58");
        Money large = Money.usd("651.50");

        assertThat(small.max(large)).isSameAs(large);
        assertThat(large.max(small)).isSameAs(large);
        assertThat(small.min(large)).isSameAs(small);
        assertThat(large.min(small)).isSameAs(small);
    }

    @Test
    void zeroIsZeroAtAnyScale() {
        assertThat(Money.usd("0.004").isZero()).isTrue();
        assertThat(Money.usd("0.005").isZero()).isFalse();
        assertThat(Money.ZERO.toString()).isEqualTo("0.00");
        assertThat(Money.ZERO.isNegative()).isFalse();
    }
}
