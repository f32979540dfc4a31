package io.centerline.entries.intake;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV with one row per line item: the header fields of the summary repeated on each of its rows, line fields
 * under a {@code line.} prefix, column names equal to the JSON field names. Consecutive rows with the same entry
 * number make one summary. {@code line.additionalHtsNumbers} separates numbers with {@code ;} and {@code line.fees}
 * writes fees as {@code 499=433.00;501=156.25}. A column Centerline does not know refuses the whole file, since no
 * row of it could be read as meant.
 */
public final class CsvSummaryReader implements SummaryReader {

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final Set<String> columns;
    private CSVRecord pending;
    private int position;

    public CsvSummaryReader(Reader in) {
        try {
            this.parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get()
                    .parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.columns = new LinkedHashSet<>(parser.getHeaderNames());
        List<String> unknown = columns.stream()
                .filter(c -> !SummaryFields.CSV_COLUMNS.contains(c))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown CSV column(s) " + unknown + "; the columns are "
                    + String.join(",", SummaryFields.CSV_COLUMNS));
        }
        if (!columns.contains("entryNumber")) {
            throw new IllegalArgumentException("The CSV header has no entryNumber column");
        }
        this.rows = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        return pending != null || rows.hasNext();
    }

    @Override
    public ReadRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord first = pending != null ? pending : rows.next();
        pending = null;
        List<CSVRecord> group = new ArrayList<>();
        group.add(first);
        String entryNumber = value(first, "entryNumber");
        while (rows.hasNext()) {
            CSVRecord row = rows.next();
            if (Objects.equals(value(row, "entryNumber"), entryNumber)) {
                group.add(row);
            } else {
                pending = row;
                break;
            }
        }
        position++;
        return toRecord(group, entryNumber);
    }

    private ReadRecord toRecord(List<CSVRecord> group, String entryNumber) {
        List<IntakeError> errors = new ArrayList<>();
        CSVRecord first = group.get(0);
        for (CSVRecord row : group) {
            if (!row.isConsistent()) {
                errors.add(IntakeError.header(
                        null,
                        "CSV_COLUMN_COUNT",
                        "CSV row " + (row.getRecordNumber() + 1) + " has " + row.size() + " values for "
                                + columns.size() + " columns."));
            }
        }
        for (CSVRecord row : group.subList(1, group.size())) {
            for (String column : SummaryFields.HEADER) {
                if (columns.contains(column)
                        && row.isSet(column)
                        && !Objects.equals(value(row, column), value(first, column))) {
                    errors.add(IntakeError.header(
                            column,
                            "CSV_HEADER_MISMATCH",
                            "CSV row " + (row.getRecordNumber() + 1) + " gives " + column + " '" + value(row, column)
                                    + "' where the first row of entry " + entryNumber + " gives '"
                                    + value(first, column) + "'."));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new ReadRecord.Unreadable(position, entryNumber, errors);
        }
        List<SubmittedEntrySummary.Line> lines = group.stream().map(this::line).collect(Collectors.toList());
        return new ReadRecord.Parsed(
                position,
                new SubmittedEntrySummary(
                        entryNumber,
                        value(first, "entryType"),
                        value(first, "importerNumber"),
                        value(first, "portOfEntry"),
                        value(first, "entryDate"),
                        value(first, "summaryDate"),
                        value(first, "modeOfTransport"),
                        value(first, "bondType"),
                        value(first, "postSummaryCorrection"),
                        value(first, "totalEnteredValue"),
                        value(first, "totalDuty"),
                        value(first, "totalFees"),
                        lines));
    }

    private SubmittedEntrySummary.Line line(CSVRecord row) {
        String additional = value(row, "line.additionalHtsNumbers");
        String fees = value(row, "line.fees");
        return new SubmittedEntrySummary.Line(
                value(row, "line.lineNumber"),
                value(row, "line.htsNumber"),
                additional == null
                        ? List.of()
                        : Arrays.stream(additional.split(";")).map(String::trim).toList(),
                value(row, "line.countryOfOrigin"),
                value(row, "line.countryOfExport"),
                value(row, "line.manufacturerId"),
                value(row, "line.description"),
                value(row, "line.enteredValue"),
                value(row, "line.quantity"),
                value(row, "line.unit"),
                value(row, "line.grossWeightKg"),
                value(row, "line.relatedParty"),
                value(row, "line.dutyAmount"),
                value(row, "line.adcvdCaseNumber"),
                value(row, "line.adcvdDeposit"),
                fees == null
                        ? List.of()
                        : Arrays.stream(fees.split(";"))
                                .map(String::trim)
                                .map(fee -> {
                                    int equals = fee.indexOf('=');
                                    return equals < 0
                                            ? new SubmittedEntrySummary.Fee(fee, null)
                                            : new SubmittedEntrySummary.Fee(
                                                    fee.substring(0, equals).trim(),
                                                    fee.substring(equals + 1).trim());
                                })
                                .toList());
    }

    private String value(CSVRecord row, String column) {
        if (!columns.contains(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
