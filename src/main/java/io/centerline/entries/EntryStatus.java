package io.centerline.entries;

/** Where an entry summary stands in its post-release life. */
public enum EntryStatus {
    /** Accepted and awaiting liquidation. */
    ACCEPTED,
    /**
     * Its liquidation deadline has passed, unliquidated and not suspended: deemed liquidated as of that deadline. Stored
     * for a summary that arrived after it; read so for one whose deadline passed after it arrived.
     */
    DEEMED_LIQUIDATED
}
