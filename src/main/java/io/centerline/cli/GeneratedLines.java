package io.centerline.cli;

import io.centerline.entries.EntryNumber;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.targeting.Declaration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generated entry summaries read as targeting reads stored ones: each line a {@link Declaration}, the filer taken from
 * the entry number, the duty rate from the duty amount over the entered value.
 */
public final class GeneratedLines {

    private GeneratedLines() {}

    /** The lines of a generated summary as targeting reads a stored one. */
    public static List<Declaration> of(SubmittedEntrySummary summary) {
        EntryNumber entryNumber = EntryNumber.parse(summary.entryNumber());
        LocalDate entryDate = LocalDate.parse(summary.entryDate());
        String filer = entryNumber.filerCode();
        List<Declaration> lines = new ArrayList<>(summary.lines().size());
        for (SubmittedEntrySummary.Line line : summary.lines()) {
            double value = number(line.enteredValue());
            double duty = number(line.dutyAmount());
            lines.add(new Declaration(
                    entryNumber.value(),
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
                    Declaration.dutyRate(value, duty),
                    Boolean.parseBoolean(line.relatedParty()),
                    line.adcvdCaseNumber(),
                    Map.of()));
        }
        return lines;
    }

    private static double number(String text) {
        return text == null || text.isBlank() ? Double.NaN : Double.parseDouble(text);
    }
}
