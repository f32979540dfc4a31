package io.centerline.targeting;

import java.time.LocalDate;
import java.util.List;

/**
 * An accepted entry summary version as rules and detectors examine it: its lines, the account facts selection needs
 * and the review history of its parties.
 *
 * @param trustedPartner whether the importer held CTPAT Trade Compliance status on the entry date
 * @param deemedLiquidated whether the version stands deemed liquidated by operation of law, its duty beyond what a
 *     review can change
 */
public record EntryUnderReview(
        String entryNumber,
        int version,
        LocalDate entryDate,
        String entryType,
        String center,
        String importer,
        String filer,
        boolean trustedPartner,
        List<Declaration> lines,
        History history,
        boolean deemedLiquidated) {

    public EntryUnderReview {
        lines = List.copyOf(lines);
    }

    /** A version not deemed liquidated, as rules, detectors and their trials examine one. */
    public EntryUnderReview(
            String entryNumber,
            int version,
            LocalDate entryDate,
            String entryType,
            String center,
            String importer,
            String filer,
            boolean trustedPartner,
            List<Declaration> lines,
            History history) {
        this(
                entryNumber,
                version,
                entryDate,
                entryType,
                center,
                importer,
                filer,
                trustedPartner,
                lines,
                history,
                false);
    }
}
