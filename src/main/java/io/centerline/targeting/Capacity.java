package io.centerline.targeting;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.centerline.platform.Invalid;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A Center's review capacity for one queue, from a date on: how many entry summaries a week its people can review,
 * the share of that given to a random control sample, and the factor by which trusted partners' entries are selected
 * less often than others'. The configured default a Center has before it sets its own has no effective date.
 *
 * <p>The control sample takes its share of capacity over time, at any capacity: a Center-week gets the whole items of
 * {@code itemsPerWeek x controlShare} and one more in the fraction of weeks that the rest of it says, drawn from the
 * Center and the week, so that a week always has the same items. A capacity of 3 at 5 % gives the control sample one
 * item in about 15 % of weeks and none in the others; a capacity of 20 at 5 % gives it one every week.
 */
public record Capacity(
        String center,
        String queue,
        int itemsPerWeek,
        double controlShare,
        double trustedPartnerFactor,
        LocalDate effectiveFrom,
        String setBy) {

    public static final double MIN_CONTROL_SHARE = 0.05;
    public static final double MAX_CONTROL_SHARE = 0.10;
    /** More review items a week than U.S. entry summaries filed in one (about 700,000). */
    public static final int MAX_ITEMS_PER_WEEK = 1_000_000;

    /**
     * A capacity's trusted-partner factor lies between 0 and 1. A setting made now needs more than 0 (trusted partners
     * are selected less often, never exempt; {@link Capacities#set} refuses 0), while 0 is still read from settings
     * stored before that was refused; either refusal says the range a setting takes.
     */
    public Capacity {
        requireItemsInRange(BigInteger.valueOf(itemsPerWeek));
        if (!(controlShare >= MIN_CONTROL_SHARE && controlShare <= MAX_CONTROL_SHARE)) {
            throw new Invalid(
                    "controlShare",
                    "CONTROL_SHARE_RANGE",
                    "The random control sample takes 5% to 10% of capacity, not " + controlShare);
        }
        if (!(trustedPartnerFactor >= 0 && trustedPartnerFactor <= 1)) {
            throw trustedPartnerFactorOutOfRange(trustedPartnerFactor);
        }
    }

    /**
     * The review items a week a setting gives, however many digits it is written with: refused with
     * {@code CAPACITY_RANGE} below 0 or above {@link #MAX_ITEMS_PER_WEEK}, as a capacity is.
     */
    public static int itemsPerWeek(BigInteger written) {
        requireItemsInRange(written);
        return written.intValueExact();
    }

    private static void requireItemsInRange(BigInteger items) {
        if (items.signum() < 0) {
            throw new Invalid("itemsPerWeek", "CAPACITY_RANGE", "A capacity cannot be negative, not " + items);
        }
        if (items.compareTo(BigInteger.valueOf(MAX_ITEMS_PER_WEEK)) > 0) {
            throw new Invalid(
                    "itemsPerWeek",
                    "CAPACITY_RANGE",
                    "A queue reviews at most " + MAX_ITEMS_PER_WEEK
                            + " items a week (more than the whole country files), not " + items);
        }
    }

    /** The refusal of a trusted-partner factor a setting cannot take, in the same words at either end of its range. */
    static Invalid trustedPartnerFactorOutOfRange(double factor) {
        return new Invalid(
                "trustedPartnerFactor",
                "TRUSTED_PARTNER_FACTOR_RANGE",
                "Trusted partners are selected at a reduced share of the others' rate, never exempt from selection:"
                        + " the factor is more than 0 and at most 1, not " + factor);
    }

    /** The review items of one Center-week: those for the riskiest candidates and those for the control sample. */
    public record WeekItems(int risk, int control) {}

    /**
     * The items of the week holding the given date: the whole control items of the capacity's share, one more in the
     * share of weeks its fraction says, and the rest for risk.
     */
    public WeekItems itemsIn(LocalDate date) {
        BigDecimal expected = expectedControlItems();
        int whole = expected.intValue();
        BigDecimal fraction = expected.subtract(BigDecimal.valueOf(whole));
        LocalDate week = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int control = whole + (fraction.signum() > 0 && draw(week) < fraction.doubleValue() ? 1 : 0);
        return new WeekItems(itemsPerWeek - control, control);
    }

    /**
     * The control items a week takes on average, exactly {@code itemsPerWeek x controlShare} as the share is written
     * (3 at 0.05 is 0.15, not 0.15000000000000002).
     */
    public BigDecimal expectedControlItems() {
        return BigDecimal.valueOf(itemsPerWeek).multiply(BigDecimal.valueOf(controlShare));
    }

    /** The control items a week takes on average, as the API shows a capacity: a number such as 0.15. */
    @JsonProperty("expectedControlItemsPerWeek")
    double expectedControlItemsPerWeek() {
        return expectedControlItems().doubleValue();
    }

    /** A number from 0 up to but not including 1, fixed by the Center and the week. */
    private double draw(LocalDate week) {
        return Draw.of(0, center == null ? 0 : center.hashCode(), week.toEpochDay());
    }
}
