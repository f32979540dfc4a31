package io.centerline.targeting;

import java.time.LocalDate;

/**
 * A Center's review capacity for one queue, from a date on: how many entry summaries a week its people can review,
 * the share of that given to a random control sample, and the factor by which trusted partners' entries are selected
 * less often than others'. The configured default a Center has before it sets its own has no effective date.
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

    public Capacity {
        if (itemsPerWeek < 0) {
            throw new IllegalArgumentException("itemsPerWeek: a capacity cannot be negative, not " + itemsPerWeek);
        }
        if (itemsPerWeek > MAX_ITEMS_PER_WEEK) {
            throw new IllegalArgumentException("itemsPerWeek: a queue reviews at most " + MAX_ITEMS_PER_WEEK
                    + " items a week (more than the whole country files), not " + itemsPerWeek);
        }
        if (!(controlShare >= MIN_CONTROL_SHARE && controlShare <= MAX_CONTROL_SHARE)) {
            throw new IllegalArgumentException(
                    "controlShare: the random control sample takes 5% to 10% of capacity, not " + controlShare);
        }
        if (!(trustedPartnerFactor >= 0 && trustedPartnerFactor <= 1)) {
            throw new IllegalArgumentException(
                    "trustedPartnerFactor: a trusted partner's selection share is 0 to 1 times the others', not "
                            + trustedPartnerFactor);
        }
    }

    /** The items a week given to the riskiest candidates. */
    public int riskItems() {
        return itemsPerWeek - controlItems();
    }

    /** The items a week given to the random control sample, at least one whenever there is any capacity. */
    public int controlItems() {
        return itemsPerWeek == 0 ? 0 : Math.max(1, (int) Math.round(itemsPerWeek * controlShare));
    }
}
