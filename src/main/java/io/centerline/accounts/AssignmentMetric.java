package io.centerline.accounts;

/** What makes an HTS heading predominant in an account's trade. */
public enum AssignmentMetric {
    /** Entered value in U.S. dollars, as CBP reportedly assigns in practice. */
    VALUE,
    /** Number of entry lines, the "predominant number of goods" of the regulation. */
    LINES
}
