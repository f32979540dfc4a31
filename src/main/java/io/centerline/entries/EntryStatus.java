package io.centerline.entries;

/** Where an entry summary stands in its post-release life. */
public enum EntryStatus {
    /** Accepted and awaiting liquidation. */
    ACCEPTED,
    /** Its liquidation deadline had passed when it arrived: deemed liquidated as of that deadline. */
    DEEMED_LIQUIDATED
}
