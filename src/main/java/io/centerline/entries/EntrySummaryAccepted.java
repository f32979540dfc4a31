package io.centerline.entries;

import java.time.LocalDate;

/** An entry summary version was accepted and routed to a Center. */
public record EntrySummaryAccepted(
        String entryNumber,
        int version,
        String importerNumber,
        String center,
        LocalDate entryDate,
        boolean postSummaryCorrection) {}
