package io.centerline.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of U.S. dollars, always held to the cent. */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money usd(BigDecimal amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** This amount times a rate given in percent (0.3464 for 0.3464%), rounded half-up to the cent. */
    public Money percent(BigDecimal ratePercent) {
        return new Money(amount.multiply(ratePercent).movePointLeft(2));
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** The plain decimal string, e.g. {@code 1234.50}. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
