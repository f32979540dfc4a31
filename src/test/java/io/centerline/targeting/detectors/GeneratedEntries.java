package io.centerline.targeting.detectors;

import io.centerline.cli.GeneratedLines;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import java.time.LocalDate;
import java.util.List;

/** Generated entry summaries as targeting examines them, each line read by {@link GeneratedLines}. */
final class GeneratedEntries {

    private GeneratedEntries() {}

    static EntryUnderReview underReview(GeneratedEntry generated) {
        SubmittedEntrySummary summary = generated.summary();
        LocalDate entryDate = LocalDate.parse(summary.entryDate());
        String entryNumber = summary.entryNumber().replace("-", "");
        String filer = entryNumber.substring(0, 3);
        List<Declaration> lines = GeneratedLines.of(summary);
        return new EntryUnderReview(
                entryNumber,
                1,
                entryDate,
                summary.entryType(),
                null,
                summary.importerNumber(),
                filer,
                false,
                lines,
                History.NONE);
    }
}
