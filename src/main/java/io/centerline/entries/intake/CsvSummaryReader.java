package io.centerline.entries.intake;

import io.centerline.entries.EntryNumber;
import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.platform.ByteOrderMark;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads CSV with one row per line item: the header fields of the summary repeated on each of its rows, line fields
 * under a {@code line.} prefix, column names equal to the JSON field names. Consecutive rows with the same entry
 * number make one summary: the same as intake reads it, so that {@code ABC-1234567-6}, {@code ABC12345676} and
 * {@code abc12345676} are one entry; a text that is not an entry number (which validation then refuses) is compared
 * as written, around spaces. The summary takes the entry number as its first row writes it.
 * {@code line.additionalHtsNumbers} separates numbers with {@code ;} and {@code line.fees}
 * writes fees as {@code 499=433.00;501=156.25}. A column Centerline does not know, or one the header names twice,
 * refuses the whole file, since no row of it could be read as meant. A row whose every value is blank, as spreadsheet
 * programs write an empty row ({@code ,,,,}), holds nothing and is skipped as an empty line is, wherever it stands:
 * between two rows of one summary it does not part them.
 *
 * <p>Memory stays bounded whatever the file holds. A summary holds at most {@value #MAX_ROWS} lines, so a run of more
 * rows with one entry number is counted, not held, and rejected ({@code CSV_TOO_MANY_ROWS}); reading goes on after it.
 *
 * <p>A row that breaks the quoting rules ({@code CSV_SYNTAX}), or one longer than {@value #MAX_RECORD} characters
 * ({@code CSV_RECORD_TOO_LONG}, most often a quote that is never closed and would take in the rest of the file), costs
 * only the summary it is a line of: {@link CsvRows} says where reading goes on after it, and the rows before and after
 * it are read as usual. That summary is rejected whole, all its rows with it, so that it is never stored with a line
 * missing; its entry number is the one the row gives before the value that breaks it. When the row breaks before its
 * entry number, it may be a line of the summary before it or of the one after it, and both are rejected with it.
 */
public final class CsvSummaryReader implements SummaryReader {

    /** The most lines a summary holds (line numbers 1 to 999), and so the most rows of one summary. */
    static final int MAX_ROWS = 999;

    /** The longest row read, in characters; a row of a summary line takes a few hundred. */
    static final int MAX_RECORD = 1 << 20;

    private final CsvRows input;
    private final int maxRecord;
    /** Each column's place in a row. */
    private final Map<String, Integer> columns;
    /** The first row of the next summary, once read. */
    private CsvRows.Row pending;
    /**
     * The rows that break before their entry number between the summary last read and {@link #pending}: reported
     * with that summary, and with the next.
     */
    private List<CsvRows.Broken> between = List.of();

    private int position;

    public CsvSummaryReader(Reader in) {
        this(in, MAX_RECORD);
    }

    CsvSummaryReader(Reader in, int maxRecord) {
        this.input = new CsvRows(ByteOrderMark.skipped(in), maxRecord);
        this.maxRecord = maxRecord;
        CsvRows.Row header = row();
        if (header instanceof CsvRows.Broken broken) {
            throw new IllegalArgumentException(
                    broken.tooLong()
                            ? "The CSV header runs past " + maxRecord + " characters"
                            : "The CSV header cannot be read: " + broken.problem());
        }
        List<String> names = header == null ? List.of() : ((CsvRows.Read) header).values();
        if (names.size() == 1) {
            String only = names.get(0);
            for (char separator : new char[] {';', '\t', '|'}) {
                if (only.indexOf(separator) >= 0) {
                    throw new IllegalArgumentException("The CSV header is one column, '" + only
                            + "': columns are separated by commas, and this file seems to separate them by '"
                            + (separator == '\t' ? "\\t" : String.valueOf(separator)) + "'");
                }
            }
        }
        if (names.contains("")) {
            throw new IllegalArgumentException("Column " + (names.indexOf("") + 1) + " of the CSV header has no name");
        }
        refuseRepeatedColumns(names);
        List<String> unknown = names.stream()
                .filter(c -> !SummaryFields.CSV_COLUMNS.contains(c))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown CSV column(s) " + unknown + "; the columns are "
                    + String.join(",", SummaryFields.CSV_COLUMNS));
        }
        if (!names.contains("entryNumber")) {
            throw new IllegalArgumentException("The CSV header has no entryNumber column");
        }
        this.columns = new HashMap<>();
        for (String name : names) {
            columns.put(name, columns.size());
        }
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
        if (pending == null) {
            pending = fetch();
        }
        return pending != null;
    }

    @Override
    public ReadRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        position++;
        // the rows of this summary that cannot be read and those beside it that break before their entry number
        List<CsvRows.Broken> unread = new ArrayList<>(between);
        between = List.of();
        CsvRows.Row first = pending;
        pending = null;
        while (first instanceof CsvRows.Broken broken && !givesEntryNumber(broken)) {
            hold(unread, broken);
            first = fetch();
        }
        if (first == null) {
            // no row of the file gives an entry number
            return new ReadRecord.Unreadable(
                    position, null, unread.stream().map(row -> error(row, "")).toList());
        }
        String entryNumber = entryNumber(first);
        String entry = entry(first);
        List<CsvRows.Read> group = new ArrayList<>();
        List<CsvRows.Broken> since = new ArrayList<>();
        long sinceRows = 0;
        long rows = 0;
        CsvRows.Row row = first;
        do {
            if (row instanceof CsvRows.Broken broken && !givesEntryNumber(broken)) {
                hold(since, broken);
                sinceRows++;
            } else if (Objects.equals(entry(row), entry)) {
                rows += 1 + sinceRows;
                since.forEach(broken -> hold(unread, broken));
                since.clear();
                sinceRows = 0;
                if (row instanceof CsvRows.Read read) {
                    if (group.size() < MAX_ROWS) {
                        group.add(read);
                    }
                } else {
                    hold(unread, (CsvRows.Broken) row);
                }
            } else {
                pending = row;
                between = List.copyOf(since);
                break;
            }
        } while ((row = fetch()) != null);
        since.forEach(broken -> hold(unread, broken));
        if (rows > MAX_ROWS) {
            return new ReadRecord.Unreadable(
                    position,
                    entryNumber,
                    List.of(IntakeError.header(
                            null,
                            "CSV_TOO_MANY_ROWS",
                            "Entry " + entryNumber + " has " + rows + " rows from CSV row " + first.number()
                                    + "; a summary holds at most " + MAX_ROWS + " lines.")));
        }
        String summary = entryNumber == null ? "the summary without an entry number" : "entry " + entryNumber;
        List<IntakeError> errors = new ArrayList<>();
        for (CsvRows.Broken broken : unread) {
            errors.add(error(
                    broken,
                    givesEntryNumber(broken)
                            ? " The row is a line of " + summary + ", which is rejected whole."
                            : " Its entry number cannot be read, and " + summary
                                    + " is rejected with it, as the row may be one of its lines."));
        }
        if (group.isEmpty()) {
            // no row of the summary could be read
            return new ReadRecord.Unreadable(position, entryNumber, errors);
        }
        return toRecord(group, entryNumber, errors);
    }

    /** Keeps a broken row to report, up to as many as a summary has lines: a summary of more is rejected for that. */
    private static void hold(List<CsvRows.Broken> rows, CsvRows.Broken row) {
        if (rows.size() < MAX_ROWS) {
            rows.add(row);
        }
    }

    /** The error of a broken row, ending with what it means for the summary rejected with it. */
    private IntakeError error(CsvRows.Broken row, String rejection) {
        String message = row.tooLong()
                ? "The CSV row from file line " + row.line() + " runs past " + maxRecord + " characters"
                        + (row.problem() == null ? "" : " (" + row.problem() + ")") + "."
                : "The CSV row from file line " + row.line() + " cannot be read: " + row.problem() + ".";
        if (row.resumesAt() > 0) {
            message += " Reading goes on at file line " + row.resumesAt() + ".";
        }
        return IntakeError.header(null, row.tooLong() ? "CSV_RECORD_TOO_LONG" : "CSV_SYNTAX", message + rejection);
    }

    private boolean givesEntryNumber(CsvRows.Broken row) {
        return columns.get("entryNumber") < row.valuesBefore().size();
    }

    private String entryNumber(CsvRows.Row row) {
        return value(
                row instanceof CsvRows.Read read ? read.values() : ((CsvRows.Broken) row).valuesBefore(),
                "entryNumber");
    }

    /**
     * The entry number a row gives as intake reads it, to tell the rows of one entry: its plain form when it is an
     * entry number, else the text as written.
     */
    private String entry(CsvRows.Row row) {
        String text = entryNumber(row);
        return text == null
                ? null
                : EntryNumber.tryParse(text).map(EntryNumber::value).orElse(text);
    }

    /**
     * The next row that holds a value, or null at the end of the file: a row of blank values, as spreadsheet programs
     * write an empty row ({@code ,,,}), is skipped as an empty line is.
     */
    private CsvRows.Row fetch() {
        CsvRows.Row row;
        do {
            row = row();
        } while (row instanceof CsvRows.Read read && read.values().stream().allMatch(String::isEmpty));
        return row;
    }

    /** The next row, or null at the end of the file. */
    private CsvRows.Row row() {
        try {
            return input.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary of a group of rows read, or the reasons it cannot be taken: those given and those found here. */
    private ReadRecord toRecord(List<CsvRows.Read> group, String entryNumber, List<IntakeError> errors) {
        for (CsvRows.Read row : group) {
            if (row.values().size() != columns.size()) {
                errors.add(IntakeError.header(
                        null,
                        "CSV_COLUMN_COUNT",
                        "CSV row " + row.number() + " has " + row.values().size() + " values for " + columns.size()
                                + " columns."));
            }
        }
        CsvRows.Read first = group.get(0);
        for (CsvRows.Read row : group.subList(1, group.size())) {
            for (String column : SummaryFields.HEADER) {
                // the rows were grouped by their entry numbers as read, which may be written otherwise
                if (!column.equals("entryNumber")
                        && columns.containsKey(column)
                        && columns.get(column) < row.values().size()
                        && !sameValue(value(row, column), value(first, column))) {
                    errors.add(IntakeError.header(
                            column,
                            "CSV_HEADER_MISMATCH",
                            "CSV row " + row.number() + " gives " + column + " '" + value(row, column)
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

    private SubmittedEntrySummary.Line line(CsvRows.Read row) {
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

    private String value(CsvRows.Read row, String column) {
        return value(row.values(), column);
    }

    private String value(List<String> values, String column) {
        Integer place = columns.get(column);
        if (place == null || place >= values.size()) {
            return null;
        }
        String value = values.get(place);
        return value.isEmpty() ? null : value;
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
