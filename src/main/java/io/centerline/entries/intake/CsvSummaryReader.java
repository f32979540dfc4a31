package io.centerline.entries.intake;

import io.centerline.entries.EntryNumber;
import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.platform.ByteOrderMark;
import io.centerline.platform.RefusedInput;
import io.centerline.platform.Shown;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads CSV with one row per line item: the header fields of the summary repeated on each of its rows, line fields
 * under a {@code line.} prefix, column names equal to the JSON field names. Consecutive rows with the same entry number
 * make one summary, or one for each filing of the entry they hold (below): the same entry number as intake reads it, so
 * that {@code ABC-1234567-6}, {@code ABC12345676} and {@code abc12345676} are one entry; a text that is not an entry
 * number (which validation then refuses) is compared as written, around spaces. The summary takes the entry number as
 * its first row writes it. {@code line.additionalHtsNumbers} separates numbers with {@code ;} and {@code line.fees}
 * writes fees as {@code 499=433.00;501=156.25}. A column Centerline does not know, or one the header names twice,
 * refuses the whole file, since no row of it could be read as meant. A row whose every value is blank, as spreadsheet
 * programs write an empty row ({@code ,,,,}), holds nothing and is skipped as an empty line is, wherever it stands:
 * between two rows of one summary it does not part them.
 *
 * <p>Rows of one entry number that follow one another may hold more than one filing of it, as a file sorted by entry
 * number holds an original beside its post-summary correction, or a summary sent again; each is read as a summary of
 * its own, in the order of the rows, as the same filings would be from NDJSON. A row begins another filing when
 * <ul>
 *   <li>its {@code postSummaryCorrection} reads true (or {@code Y}) and the row before it false (blank, or {@code N}):
 *       a correction after its original, whatever line number the correction's first row gives (a correction that
 *       adds line 3 to an original of lines 1 and 2 may begin with it); or
 *   <li>its line number is one a row of the filing being read already gives (the numbering starts again), and either
 *       its {@code postSummaryCorrection} reads otherwise than that filing's first row's (a correction after a
 *       correction never does: one correction follows another only where the numbering starts again), or the rows
 *       from it up to the next row that begins a filing, or to the last row of the entry number, repeat that filing
 *       row for row, every value the same but the writing of the entry number: the summary sent again.
 * </ul>
 * Each such row is held against the filing as read up to it, in the order of the rows. Rows that start the numbering
 * again without doing either stay in the filing before them; when that filing was kept only for repeating the one
 * before it, it repeats it no longer and joins it too. So a line number given twice by mistake ({@code 1, 2, 3, 1}),
 * or the row of a line pasted again at the end as often as it is ({@code 1, 2, 3, 1, 1}), and a summary changed and
 * then sent twice after its original without a correction flag, leave one summary with a repeated line, refused whole
 * ({@code LINE_NUMBER_DUPLICATE}), rather than a summary stored short of a line. A summary's rows in any order of line
 * numbers are one summary, and a row without a line number begins a filing only as a correction after a row that is
 * none. Should a filing so read hold rows whose {@code postSummaryCorrection} reads otherwise, such as an original's
 * row after its correction's without the numbering starting again, the filings' rows are mixed (sorted by line number
 * as well as entry number) and cannot be told apart: all the rows of the entry number are read as one summary,
 * refused as {@code CSV_HEADER_MISMATCH}.
 *
 * <p>Memory stays bounded whatever the file holds. A summary holds at most {@value #MAX_ROWS} lines, and the rows of
 * one entry number that follow one another are held up to {@value #MAX_RUN}, an original of that many lines and its
 * correction: a summary of more rows is rejected ({@code CSV_TOO_MANY_ROWS}), and a run of more rows with one entry
 * number is counted, not held, and rejected whole; reading goes on after it.
 *
 * <p>A row that breaks the quoting rules ({@code CSV_SYNTAX}), or one longer than {@value #MAX_RECORD} characters
 * ({@code CSV_RECORD_TOO_LONG}, most often a quote that is never closed and would take in the rest of the file), costs
 * only the summary it is a line of: {@link CsvRows} says where reading goes on after it, and the rows before and after
 * it are read as usual. That summary is rejected whole, all its rows with it, so that it is never stored with a line
 * missing; its entry number is the one the row gives before the value that breaks it. When the row breaks before its
 * entry number, it may be a line of the summary before it or of the one after it, and both are rejected with it.
 * Rows of one entry number that hold a broken row are read as one summary, whatever filings they hold, since the row
 * may be a line of any of them.
 *
 * <p>A row that gives no entry number (its {@code entryNumber} blank, or a text that is not an entry number), or that
 * was read from the later lines of a broken quoted value, does not part the rows of an entry number it stands between:
 * it may be one of their lines, so they and it are one record, rejected whole, the row's own problem reported
 * ({@code REQUIRED} or the entry number's code for that row, {@code CSV_SYNTAX} for a row read again), and nothing of
 * the entry is stored short of it (up to {@value #MAX_ROWS} such rows in a row are held to see what follows them;
 * more part the entry's rows). Such rows followed by a row of another entry number, or by the end of the file, are
 * read as they would be without the rows before them: a row whose entry number is not one is a record of its own,
 * which validation refuses. Rows whose entry number is not one are refused whatever stands between them, and such a
 * row parts them as any other. A rejection shows at most {@value #SHOWN} characters of the entry number it gives, the
 * last an ellipsis when the text is cut.
 */
public final class CsvSummaryReader implements SummaryReader {

    /** The most lines a summary holds (line numbers 1 to 999), and so the most rows of one summary. */
    static final int MAX_ROWS = 999;

    /**
     * The most rows of one entry number following one another that are held: an original of the most lines and its
     * correction.
     */
    static final int MAX_RUN = 2 * MAX_ROWS;

    /** The most characters of an entry number a rejection shows. */
    static final int SHOWN = Shown.LONGEST;

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
    /**
     * The rows read and given back, to be read again after {@link #pending}: those without an entry number that
     * followed the rows of one, and the row after them, when no row of that entry came after them.
     */
    private final Deque<CsvRows.Row> back = new ArrayDeque<>();
    /** The broken rows whose quoted values' later lines are read again as rows, and may still be. */
    private final List<CsvRows.Broken> readAgain = new ArrayList<>();
    /** The summaries or rejections read and not yet taken: those of the rows of one entry number. */
    private final Deque<ReadRecord> ready = new ArrayDeque<>();

    private int position;
    /** The file line of the first row of the rows of one entry number being read, broken rows before it included. */
    private long runStart;

    public CsvSummaryReader(Reader in) {
        this(in, MAX_RECORD);
    }

    CsvSummaryReader(Reader in, int maxRecord) {
        this.input = new CsvRows(ByteOrderMark.skipped(in), maxRecord);
        this.maxRecord = maxRecord;
        CsvRows.Row header = row();
        if (header instanceof CsvRows.Broken broken) {
            throw new RefusedInput(
                    "CSV_HEADER_UNREADABLE",
                    broken.tooLong()
                            ? "The CSV header runs past " + maxRecord + " characters"
                            : "The CSV header cannot be read: " + broken.problem());
        }
        if (header == null) {
            // an empty file is an empty batch, as an empty NDJSON or AE file is
            this.columns = Map.of();
            return;
        }
        List<String> names = ((CsvRows.Read) header).values();
        if (names.stream().anyMatch(name -> name.indexOf('\u0000') >= 0)) {
            throw new RefusedInput(
                    "CSV_ENCODING",
                    "The CSV header holds NUL characters, as a file saved as UTF-16 does when read as UTF-8: save the"
                            + " file as UTF-8 (\"CSV UTF-8\" in spreadsheet programs)");
        }
        if (names.size() == 1) {
            String only = names.get(0);
            for (char separator : new char[] {';', '\t', '|'}) {
                if (only.indexOf(separator) >= 0) {
                    throw new RefusedInput(
                            "CSV_HEADER_SEPARATOR",
                            "The CSV header is one column, '" + Shown.value(only)
                                    + "': columns are separated by commas, and this file seems to separate them by '"
                                    + (separator == '\t' ? "\\t" : String.valueOf(separator)) + "'");
                }
            }
        }
        if (names.contains("")) {
            throw new RefusedInput(
                    "CSV_HEADER_UNNAMED_COLUMN",
                    "Column " + (names.indexOf("") + 1) + " of the CSV header has no name");
        }
        refuseRepeatedColumns(names);
        List<String> unknown = names.stream()
                .filter(c -> !SummaryFields.CSV_COLUMNS.contains(c))
                .toList();
        if (!unknown.isEmpty()) {
            throw new RefusedInput(
                    "CSV_HEADER_UNKNOWN_COLUMN",
                    (unknown.size() == 1 ? "Unknown CSV column " : "Unknown CSV columns ") + Shown.values(unknown)
                            + "; the columns are " + String.join(",", SummaryFields.CSV_COLUMNS));
        }
        if (!names.contains("entryNumber")) {
            throw new RefusedInput("CSV_HEADER_NO_ENTRY_NUMBER", "The CSV header has no entryNumber column");
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
                .map(count -> Shown.value(count.getKey())
                        + (count.getValue() == 2 ? " twice" : " " + count.getValue() + " times"))
                .toList();
        if (!repeated.isEmpty()) {
            throw new RefusedInput(
                    "CSV_HEADER_REPEATED_COLUMN",
                    "The CSV header names the column" + (repeated.size() == 1 ? " " : "s ")
                            + (repeated.size() == 2 ? String.join(" and ", repeated) : Shown.some(repeated))
                            + "; a column is named once, as a row gives one value for it");
        }
    }

    @Override
    public boolean hasNext() {
        if (!ready.isEmpty()) {
            return true;
        }
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
        if (ready.isEmpty()) {
            readRun();
        }
        return ready.remove();
    }

    /**
     * Reads the rows of the next entry number that follow one another into the summaries they make, or into the
     * reasons they cannot be read.
     */
    private void readRun() {
        // the rows of this entry that cannot be read, those beside them that break before their entry number and those
        // between them that give no entry number, in the order of the file
        List<CsvRows.Row> unread = new ArrayList<>(between);
        between = List.of();
        runStart = !unread.isEmpty() ? unread.get(0).line() : pending == null ? 0 : pending.line();
        CsvRows.Row first = pending;
        pending = null;
        long from = first == null ? Long.MAX_VALUE : first.line();
        readAgain.removeIf(broken -> broken.readAgainTo() < from);
        while (first instanceof CsvRows.Broken broken && !givesEntryNumber(broken)) {
            hold(unread, broken);
            first = fetch();
        }
        if (first == null) {
            // no row of the file gives an entry number
            ready.add(unreadable(
                    null,
                    unread.stream().map(row -> error((CsvRows.Broken) row, "")).toList()));
            return;
        }
        String entryNumber = entryNumber(first);
        String entry = entry(first);
        // rows without an entry number stand between the rows of one only when it is one: other texts are refused
        // anyway
        boolean takesStrays =
                entryNumber != null && EntryNumber.tryParse(entryNumber).isPresent();
        List<CsvRows.Read> run = new ArrayList<>();
        // since the last row of the entry: the rows that break before their entry number, then from the first row
        // without an entry number on, every row, given back to be read again should no row of the entry follow them
        List<CsvRows.Broken> since = new ArrayList<>();
        List<CsvRows.Row> strays = new ArrayList<>();
        long sinceRows = 0;
        long rows = 0;
        CsvRows.Row row = first;
        do {
            boolean entryless = row instanceof CsvRows.Broken broken && !givesEntryNumber(broken);
            if (!entryless && Objects.equals(entry(row), entry)) {
                rows += 1 + sinceRows;
                since.forEach(broken -> hold(unread, broken));
                strays.forEach(stray -> hold(unread, stray));
                since.clear();
                strays.clear();
                sinceRows = 0;
                if (row instanceof CsvRows.Read read) {
                    if (run.size() < MAX_RUN) {
                        run.add(read);
                    }
                } else {
                    hold(unread, row);
                }
            } else if (entryless && strays.isEmpty()) {
                hold(since, (CsvRows.Broken) row);
                sinceRows++;
            } else if (takesStrays && (entryless || strays(row)) && strays.size() < MAX_ROWS) {
                strays.add(row);
                sinceRows++;
            } else {
                part(row, since, strays);
                break;
            }
        } while ((row = fetch()) != null);
        if (row == null && !strays.isEmpty()) {
            part(null, since, strays);
        }
        since.forEach(broken -> hold(unread, broken));
        if (rows > MAX_RUN) {
            ready.add(tooManyRows(
                    entryNumber,
                    rows,
                    first,
                    ", and the rows of an entry number that follow one another at most " + MAX_RUN
                            + ", for an original and its correction."));
            return;
        }
        if (unread.isEmpty()) {
            filings(run).forEach(filing -> ready.add(toRecord(filing, entryNumber(filing.get(0)), new ArrayList<>())));
            return;
        }
        // the rows unread may be lines of any summary the rows of the entry make, and all are rejected with them
        if (rows > MAX_ROWS) {
            ready.add(tooManyRows(entryNumber, rows, first, "."));
            return;
        }
        List<IntakeError> errors = new ArrayList<>();
        for (CsvRows.Row unreadRow : unread) {
            errors.add(error(unreadRow, entry, entryNumber));
        }
        ready.add(
                run.isEmpty()
                        // no row of the summary could be read
                        ? unreadable(entryNumber, errors)
                        : toRecord(run, entryNumber, errors).startingAt(runStart));
    }

    /**
     * Ends the rows of an entry number at a row of another, or at the end of the file ({@code row} null): the rows
     * without an entry number since its last row are given back, to be read from the first of them on as they would
     * be had no row of that entry come before them, and the rows before them that break before their entry number are
     * reported with the summary after them too.
     */
    private void part(CsvRows.Row row, List<CsvRows.Broken> since, List<CsvRows.Row> strays) {
        between = List.copyOf(since);
        if (strays.isEmpty()) {
            pending = row;
            return;
        }
        pending = strays.get(0);
        List<CsvRows.Row> again = new ArrayList<>(strays.subList(1, strays.size()));
        if (row != null) {
            again.add(row);
        }
        for (int i = again.size() - 1; i >= 0; i--) {
            back.addFirst(again.get(i));
        }
        strays.clear();
    }

    /**
     * Whether a row that gives an entry number gives none that is one: blank, a text that is not an entry number, or
     * the later lines of a broken quoted value read again as a row.
     */
    private boolean strays(CsvRows.Row row) {
        String text = entryNumber(row);
        return text == null || EntryNumber.tryParse(text).isEmpty() || readAgainAfter(row) != null;
    }

    /** The broken row whose quoted value's later lines a row was read from, or null. */
    private CsvRows.Broken readAgainAfter(CsvRows.Row row) {
        if (row instanceof CsvRows.Read) {
            for (CsvRows.Broken broken : readAgain) {
                if (broken.resumesAt() <= row.line() && row.line() <= broken.readAgainTo()) {
                    return broken;
                }
            }
        }
        return null;
    }

    /** A rejection of rows read: the entry number echoed cut to a length a filer can read. */
    private ReadRecord unreadable(String entryNumber, List<IntakeError> errors) {
        return new ReadRecord.Unreadable(++position, shown(entryNumber), errors, runStart);
    }

    /**
     * An entry number as a rejection shows it, by the rule of {@link Shown}: at most {@value #SHOWN} characters and an
     * ellipsis when it is cut, as a row read from a quoted value's later lines may give a text of any length.
     */
    static String shown(String entryNumber) {
        return Shown.value(entryNumber);
    }

    /** The rejection of rows of one entry number more than a summary, or the rows read as one, may hold. */
    private ReadRecord tooManyRows(String entryNumber, long rows, CsvRows.Row first, String limit) {
        return unreadable(
                entryNumber,
                List.of(IntakeError.header(
                        null,
                        "CSV_TOO_MANY_ROWS",
                        "Entry " + shown(entryNumber) + " has " + rows + " rows from CSV row " + first.number()
                                + "; a summary holds at most " + MAX_ROWS + " lines" + limit)));
    }

    /**
     * The filings the rows of one entry number that follow one another hold, by the rule the class says, in one pass
     * from the first row: the rows are cut where a correction follows a row that is none, and where the numbering
     * starts again, and each piece is held against the filing before it as read so far. It begins a filing when it
     * turns postSummaryCorrection round against that filing's first row (as a piece cut at a correction always does
     * against an original), or repeats that filing row for row; else it joins that filing. A filing kept only for
     * repeating the one before it that a later piece then joins repeats it no longer, and joins it in turn. No filings
     * are told apart when they mix.
     */
    private List<List<CsvRows.Read>> filings(List<CsvRows.Read> run) {
        List<Filing> filings = new ArrayList<>();
        List<CsvRows.Read> piece = new ArrayList<>();
        Set<String> lineNumbers = new HashSet<>();
        Boolean before = null;
        for (CsvRows.Read row : run) {
            String lineNumber = value(row, "line.lineNumber");
            Boolean correction = correction(row);
            boolean corrects = Boolean.FALSE.equals(before) && Boolean.TRUE.equals(correction);
            if (corrects || lineNumber != null && lineNumbers.contains(lineNumber)) {
                take(filings, piece);
                piece = new ArrayList<>();
                lineNumbers.clear();
            }
            if (lineNumber != null) {
                lineNumbers.add(lineNumber);
            }
            piece.add(row);
            before = correction;
        }
        take(filings, piece);
        boolean mixed = filings.size() > 1 && filings.stream().anyMatch(filing -> mixes(filing.rows()));
        return mixed ? List.of(run) : filings.stream().map(Filing::rows).toList();
    }

    /** Takes the next piece of a run, cut where its numbering starts again, into the filings read so far. */
    private void take(List<Filing> filings, List<CsvRows.Read> piece) {
        if (piece.isEmpty()) {
            return;
        }
        if (filings.isEmpty()) {
            filings.add(new Filing(piece, false));
            return;
        }
        Filing before = filings.get(filings.size() - 1);
        Boolean was = correction(before.rows().get(0));
        Boolean is = correction(piece.get(0));
        if (was != null && is != null && !was.equals(is)) {
            filings.add(new Filing(piece, false));
        } else if (repeats(before.rows(), piece)) {
            filings.add(new Filing(piece, true));
        } else {
            before.rows().addAll(piece);
            // a filing sent again that has taken in more rows repeats the one before it no longer
            for (int last = filings.size() - 1;
                    last > 0
                            && filings.get(last).resend()
                            && !repeats(
                                    filings.get(last - 1).rows(),
                                    filings.get(last).rows());
                    last--) {
                filings.get(last - 1).rows().addAll(filings.remove(last).rows());
            }
        }
    }

    /** Whether rows read postSummaryCorrection otherwise, and so are not all of one filing. */
    private boolean mixes(List<CsvRows.Read> rows) {
        return rows.stream().map(this::correction).distinct().count() > 1;
    }

    /**
     * The rows of one filing of an entry, and whether they were read as a filing only for repeating the one before:
     * they begin with a line number of that one, and the same postSummaryCorrection or one that reads as neither.
     * Such a filing stays one only while it repeats the one before it.
     */
    private record Filing(List<CsvRows.Read> rows, boolean resend) {}

    /** Whether the later rows repeat the earlier ones row for row, each value the same but the entry number's writing. */
    private boolean repeats(List<CsvRows.Read> earlier, List<CsvRows.Read> later) {
        if (earlier.size() != later.size()) {
            return false;
        }
        int entryNumber = columns.get("entryNumber");
        for (int i = 0; i < earlier.size(); i++) {
            List<String> a = earlier.get(i).values();
            List<String> b = later.get(i).values();
            if (a.size() != b.size()) {
                return false;
            }
            for (int column = 0; column < a.size(); column++) {
                if (column != entryNumber && !a.get(column).equals(b.get(column))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a row is a post-summary correction as validation reads its postSummaryCorrection (true or Y; blank,
     * false or N is not), or null when the value reads as neither.
     */
    private Boolean correction(CsvRows.Read row) {
        String flag = value(row, "postSummaryCorrection");
        return switch (flag == null ? "" : flag.toUpperCase(Locale.ROOT)) {
            case "", "FALSE", "N" -> false;
            case "TRUE", "Y" -> true;
            default -> null;
        };
    }

    /**
     * Keeps a row to report, one that cannot be read or gives no entry number, up to as many as a summary has lines: a
     * summary of more is rejected for that.
     */
    private static <T extends CsvRows.Row> void hold(List<T> rows, T row) {
        if (rows.size() < MAX_ROWS) {
            rows.add(row);
        }
    }

    /**
     * The error of a row of the rows of an entry number ({@code entry} as read, {@code entryNumber} as written) that
     * cannot be read, or that stands between them and gives no entry number, saying what it means for the entry.
     */
    private IntakeError error(CsvRows.Row row, String entry, String entryNumber) {
        String summary = entryNumber == null ? "the summary without an entry number" : "entry " + shown(entryNumber);
        String between = " It stands between rows of " + summary
                + ", which is rejected with it, as the row may be one of its lines.";
        if (row instanceof CsvRows.Broken broken) {
            if (!givesEntryNumber(broken)) {
                return error(
                        broken,
                        " Its entry number cannot be read, and " + summary
                                + " is rejected with it, as the row may be one of its lines.");
            }
            return error(
                    broken,
                    Objects.equals(entry(broken), entry)
                            ? " The row is a line of " + summary + ", which is rejected whole."
                            : between);
        }
        CsvRows.Broken before = readAgainAfter(row);
        if (before != null) {
            return IntakeError.header(
                    null,
                    "CSV_SYNTAX",
                    "The CSV row from file line " + row.line() + " was read again after the row from file line "
                            + before.line() + " broke, and may be the later lines of that row's quoted value."
                            + between);
        }
        String text = entryNumber(row);
        if (text == null) {
            return IntakeError.header(
                    "entryNumber", "REQUIRED", "CSV row " + row.number() + " gives no entry number." + between);
        }
        EntryNumber.Problem problem = EntryNumber.check(text).orElseThrow();
        return IntakeError.header(
                "entryNumber",
                problem.code(),
                problem.code().equals("ENTRY_NUMBER_FORMAT")
                        ? "CSV row " + row.number() + " gives entry number '" + shown(text)
                                + "', which is not a 3-character filer code, a 7-digit serial and a check digit."
                                + between
                        : "CSV row " + row.number() + ": " + problem.message() + between);
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
        if (!back.isEmpty()) {
            return back.removeFirst();
        }
        CsvRows.Row row;
        do {
            row = row();
        } while (row instanceof CsvRows.Read read && read.values().stream().allMatch(String::isEmpty));
        if (row instanceof CsvRows.Broken broken && broken.readAgainTo() > 0) {
            readAgain.add(broken);
        }
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
        if (group.size() > MAX_ROWS) {
            return tooManyRows(entryNumber, group.size(), group.get(0), ".")
                    .startingAt(group.get(0).line());
        }
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
                            "CSV row " + row.number() + " gives " + column + " '" + Shown.value(value(row, column))
                                    + "' where the first row of entry " + shown(entryNumber) + " gives '"
                                    + Shown.value(value(first, column)) + "'."));
                }
            }
        }
        if (!errors.isEmpty()) {
            return unreadable(entryNumber, errors).startingAt(first.line());
        }
        List<SubmittedEntrySummary.Line> lines = group.stream().map(this::line).collect(Collectors.toList());
        return new ReadRecord.Parsed(
                ++position,
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
                        lines),
                false,
                first.line());
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
