package io.centerline.entries.intake;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.platform.ByteOrderMark;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV with one row per line item: the header fields of the summary repeated on each of its rows, line fields
 * under a {@code line.} prefix, column names equal to the JSON field names. Consecutive rows with the same entry
 * number make one summary. {@code line.additionalHtsNumbers} separates numbers with {@code ;} and {@code line.fees}
 * writes fees as {@code 499=433.00;501=156.25}. A column Centerline does not know refuses the whole file, since no
 * row of it could be read as meant.
 *
 * <p>Memory stays bounded whatever the file holds. A summary holds at most {@value #MAX_ROWS} lines, so a run of more
 * rows with one entry number is counted, not held, and rejected ({@code CSV_TOO_MANY_ROWS}); reading goes on after it.
 * A row that breaks the quoting rules ({@code CSV_SYNTAX}), or one longer than {@value #MAX_RECORD} characters
 * ({@code CSV_RECORD_TOO_LONG}, most often a quote that is never closed and would take in the rest of the file), leaves
 * no way to tell where the next row starts: the summary whose rows it ends is rejected with it, as the row may be one of
 * them, and reading stops there.
 */
public final class CsvSummaryReader implements SummaryReader {

    /** The most lines a summary holds (line numbers 1 to 999), and so the most rows of one summary. */
    static final int MAX_ROWS = 999;

    /** The longest row read, in characters; a row of a summary line takes a few hundred. */
    static final int MAX_RECORD = 1 << 20;

    private final CSVParser parser;
    private final RecordLimit input;
    private final Iterator<CSVRecord> rows;
    private final Set<String> columns;
    private CSVRecord pending;
    /** Why reading stopped, when it stopped before the end of the file and no record has reported it yet. */
    private IntakeError stop;

    private boolean ended;
    private int position;

    public CsvSummaryReader(Reader in) {
        this(in, MAX_RECORD);
    }

    CsvSummaryReader(Reader in, int maxRecord) {
        this.input = new RecordLimit(ByteOrderMark.skipped(in), maxRecord);
        try {
            this.parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get()
                    .parse(input);
        } catch (RecordTooLong e) {
            throw new IllegalArgumentException("The CSV header runs past " + e.limit + " characters");
        } catch (CSVException e) {
            throw new IllegalArgumentException("The CSV header cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refuseRepeatedColumns(parser.getHeaderNames());
        this.columns = new LinkedHashSet<>(parser.getHeaderNames());
        if (columns.size() == 1) {
            String only = columns.iterator().next();
            for (char separator : new char[] {';', '\t', '|'}) {
                if (only.indexOf(separator) >= 0) {
                    throw new IllegalArgumentException("The CSV header is one column, '" + only
                            + "': columns are separated by commas, and this file seems to separate them by '"
                            + (separator == '\t' ? "\\t" : String.valueOf(separator)) + "'");
                }
            }
        }
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

    /**
     * Refuses a header that names a column more than once: a row would give the column two values, and whichever were
     * taken, the other would be lost or read into the wrong field.
     */
    private static void refuseRepeatedColumns(List<String> names) {
        Map<String, Long> counts =
                names.stream().collect(Collectors.groupingBy(name -> name, LinkedHashMap::new, Collectors.counting()));
        List<String> repeated = counts.entrySet().stream()
                .filter(count -> count.getValue() > 1)
                .map(count -> count.getKey() + (count.getValue() == 2 ? " twice" : " " + count.getValue() + " times"))
                .toList();
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException("The CSV header names the column" + (repeated.size() == 1 ? " " : "s ")
                    + String.join(" and ", repeated) + "; a column is named once, as a row gives one value for it");
        }
    }

    @Override
    public boolean hasNext() {
        if (pending == null && stop == null) {
            pending = fetch();
        }
        return pending != null || stop != null;
    }

    @Override
    public ReadRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        position++;
        if (pending == null) {
            IntakeError reason = stop;
            stop = null;
            return new ReadRecord.Unreadable(position, null, List.of(reason));
        }
        CSVRecord first = pending;
        pending = null;
        List<CSVRecord> group = new ArrayList<>();
        group.add(first);
        long rows = 1;
        String entryNumber = value(first, "entryNumber");
        CSVRecord row;
        while ((row = fetch()) != null) {
            if (Objects.equals(value(row, "entryNumber"), entryNumber)) {
                rows++;
                if (group.size() < MAX_ROWS) {
                    group.add(row);
                }
            } else {
                pending = row;
                break;
            }
        }
        if (stop != null) {
            // the row that could not be read may be one of this summary's lines: the summary is not taken without it
            IntakeError reason = stop;
            stop = null;
            return new ReadRecord.Unreadable(
                    position,
                    entryNumber,
                    List.of(IntakeError.header(
                            null,
                            reason.code(),
                            reason.message() + " Entry " + entryNumber
                                    + " is rejected with it, as that row may be one of its lines.")));
        }
        if (rows > MAX_ROWS) {
            return new ReadRecord.Unreadable(
                    position,
                    entryNumber,
                    List.of(IntakeError.header(
                            null,
                            "CSV_TOO_MANY_ROWS",
                            "Entry " + entryNumber + " has " + rows + " rows from CSV row "
                                    + (first.getRecordNumber() + 1) + "; a summary holds at most " + MAX_ROWS
                                    + " lines.")));
        }
        return toRecord(group, entryNumber);
    }

    /**
     * The next row, or null at the end of the file or where a row cannot be read; {@link #stop} then says why, and no
     * row is read after it.
     */
    private CSVRecord fetch() {
        if (ended) {
            return null;
        }
        long startLine = parser.getCurrentLineNumber() + 1;
        input.startRecord();
        try {
            if (rows.hasNext()) {
                return rows.next();
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof RecordTooLong tooLong) {
                stop = IntakeError.header(
                        null,
                        "CSV_RECORD_TOO_LONG",
                        "The CSV row from file line " + startLine + " runs past " + tooLong.limit
                                + " characters (is a quote never closed?); reading stopped there.");
            } else if (e.getCause() instanceof CSVException malformed) {
                stop = IntakeError.header(
                        null,
                        "CSV_SYNTAX",
                        "The CSV row from file line " + startLine + " cannot be read (" + malformed.getMessage()
                                + "); reading stopped there.");
            } else {
                throw e;
            }
        }
        ended = true;
        return null;
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
                        && !sameValue(value(row, column), value(first, column))) {
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

    /**
     * Whether two rows give a header field the same value, as validation reads it: around spaces and in capitals or
     * not ({@code FALSE} and {@code false}, {@code cn} and {@code CN}).
     */
    private static boolean sameValue(String a, String b) {
        return a == null || b == null ? Objects.equals(a, b) : a.trim().equalsIgnoreCase(b.trim());
    }

    private String value(CSVRecord row, String column) {
        if (!columns.contains(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The characters of the file, counted from the start of each row, refused past the longest row allowed. */
    private static final class RecordLimit extends FilterReader {

        private final int limit;
        private long read;

        RecordLimit(Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        void startRecord() {
            read = 0;
        }

        @Override
        public int read() throws IOException {
            refusePastLimit();
            int c = super.read();
            if (c >= 0) {
                read++;
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            refusePastLimit();
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }

        private void refusePastLimit() throws RecordTooLong {
            if (read > limit) {
                throw new RecordTooLong(limit);
            }
        }
    }

    private static final class RecordTooLong extends IOException {
        final int limit;

        RecordTooLong(int limit) {
            super("A CSV row runs past " + limit + " characters");
            this.limit = limit;
        }
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
