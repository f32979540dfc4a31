package io.centerline.demo.generator;

import io.centerline.entries.EntryNumber;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the answer key of a generated data set as CSV: header {@code entryNumber,lineNumber,pattern,detail}, one row
 * per planted pattern, the entry number without dashes and the line number empty when the whole entry carries it.
 */
public final class LabelWriter implements Closeable {

    private final CSVPrinter printer;

    public LabelWriter(Writer out) {
        try {
            this.printer = new CSVPrinter(
                    out,
                    CSVFormat.DEFAULT
                            .builder()
                            .setRecordSeparator("\n")
                            .setHeader("entryNumber", "lineNumber", "pattern", "detail")
                            .get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a row for each pattern planted in the entry; writes nothing for a clean entry. */
    public void write(GeneratedEntry entry) {
        try {
            String entryNumber =
                    EntryNumber.parse(entry.summary().entryNumber()).value();
            for (PlantedPattern pattern : entry.patterns()) {
                printer.printRecord(
                        entryNumber,
                        pattern.lineNumber() == null ? "" : pattern.lineNumber().toString(),
                        pattern.type().name(),
                        pattern.detail());
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
