package io.centerline.targeting.detectors;

import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Generated entry summaries as targeting examines them, the way scoring maps a stored summary. */
final class GeneratedEntries {

    private GeneratedEntries() {}

    static EntryUnderReview underReview(GeneratedEntry generated) {
        SubmittedEntrySummary summary = generated.summary();
        LocalDate entryDate = LocalDate.parse(summary.entryDate());
        String entryNumber = summary.entryNumber().replace("-", "");
        String filer = entryNumber.substring(0, 3);
        List<Declaration> lines = new ArrayList<>();
        for (SubmittedEntrySummary.Line line : summary.lines()) {
            double value = Double.parseDouble(line.enteredValue());
            double duty = Double.parseDouble(line.dutyAmount());
            lines.add(new Declaration(
                    entryNumber,
                    1,
                    Integer.parseInt(line.lineNumber()),
                    entryDate,
                    summary.entryType(),
                    summary.importerNumber(),
                    filer,
                    summary.portOfEntry(),
                    summary.modeOfTransport(),
                    null,
                    line.htsNumber(),
                    line.countryOfOrigin(),
                    line.countryOfExport(),
                    line.manufacturerId(),
                    line.description(),
                    value,
                    number(line.quantity()),
                    line.unit(),
                    number(line.grossWeightKg()),
                    value > 0 ? 100 * duty / value : Double.NaN,
                    Boolean.parseBoolean(line.relatedParty()),
                    line.adcvdCaseNumber(),
                    Map.of()));
        }
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

    private static double number(String text) {
        return text == null || text.isBlank() ? Double.NaN : Double.parseDouble(text);
    }
}
