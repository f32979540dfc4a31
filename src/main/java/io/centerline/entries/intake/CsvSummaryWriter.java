package io.centerline.entries.intake;

import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes entry summaries as CSV with one row per line item: the header fields, repeated on every row of the summary,
 * then the line fields prefixed {@code line.}. Additional HTS numbers are joined with {@code ;} and fees are written
 * as {@code classCode=amount} pairs joined with {@code ;}; null fields are empty cells.
 */
public final class CsvSummaryWriter implements SummaryWriter {

    /** The column names, in order. */
    public static final String[] HEADER = SummaryFields.CSV_COLUMNS.toArray(String[]::new);

    private final CSVPrinter printer;

    public CsvSummaryWriter(Writer out) {
        try {
            this.printer = new CSVPrinter(
                    out,
                    CSVFormat.DEFAULT
                            .builder()
                            .setRecordSeparator("\n")
                            .setHeader(HEADER)
                            .get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(SubmittedEntrySummary summary) {
        try {
            for (Line line : summary.lines()) {
                List<String> fees = new ArrayList<>();
                for (Fee fee : line.fees()) {
                    fees.add(fee.classCode() + "=" + fee.amount());
                }
                printer.printRecord(
                        summary.entryNumber(),
                        summary.entryType(),
                        summary.importerNumber(),
                        summary.portOfEntry(),
                        summary.entryDate(),
                        summary.summaryDate(),
                        summary.modeOfTransport(),
                        summary.bondType(),
                        summary.postSummaryCorrection(),
                        summary.totalEnteredValue(),
                        summary.totalDuty(),
                        summary.totalFees(),
                        line.lineNumber(),
                        line.htsNumber(),
                        String.join(";", line.additionalHtsNumbers()),
                        line.countryOfOrigin(),
                        line.countryOfExport(),
                        line.manufacturerId(),
                        line.description(),
                        line.enteredValue(),
                        line.quantity(),
                        line.unit(),
                        line.grossWeightKg(),
                        line.relatedParty(),
                        line.dutyAmount(),
                        line.adcvdCaseNumber(),
                        line.adcvdDeposit(),
                        String.join(";", fees));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
