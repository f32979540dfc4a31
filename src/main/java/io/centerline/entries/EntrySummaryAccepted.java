package io.centerline.entries;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry summary version was accepted and routed to a Center.
 *
 * @param summary the accepted summary itself, handed to listeners in the process that accepted it so that they need
 *     not read it back; the event publication registry does not store it, so a publication resubmitted after a restart
 *     carries {@code null} here and a listener reads the version from the store
 * @param lineCenters the Center code of each line of {@code summary}, in order, as intake routed it; held and lost
 *     with {@code summary}
 * @param deemedLiquidated whether the version stood deemed liquidated by operation of law when it arrived (filed after
 *     its liquidation deadline, liquidation not suspended)
 */
public record EntrySummaryAccepted(
        String entryNumber,
        int version,
        String importerNumber,
        String center,
        LocalDate entryDate,
        boolean postSummaryCorrection,
        @JsonIgnore EntrySummary summary,
        @JsonIgnore List<String> lineCenters,
        boolean deemedLiquidated) {}
