package io.centerline.targeting.model;

import io.centerline.platform.ByteOrderMark;
import io.centerline.targeting.Declaration;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a file in the format of the public customs import declarations data set (Jeong et al., 2022) as entry lines:
 * Importer ID to importer, Declarant ID to filer, Seller ID to manufacturer, Office ID to port, HS10 Code to HTS
 * number (a code that lost its leading zero gets it back), Country of Departure to country of export, Country of
 * Origin, Mode of Transport, Net Mass to gross weight, Item Price to entered value and Tax Rate to duty rate. Every
 * other column except the labels goes to {@link Declaration#attributes()}. {@code Fraud} is the label when present
 * and not empty; {@code Critical Fraud} is a label too and is never read as a feature.
 *
 * <p>What a row must hold depends on what the file is read for ({@link Purpose}). A blank value is read as not
 * declared, and the model scores a row without it, except the Declaration ID of every row and, in a file to learn
 * from, the Date and the label; a value that is there but unreadable (a date, number or label of the wrong form) is
 * refused. Every refusal names the file and the line of the file, counting the header as line 1: {@code "FILE line N:
 * ..."}.
 */
public final class DeclarationsDataset {

    /** The currency of Item Price in the public data set. */
    public static final String CURRENCY = "KRW";

    /** The fewest rows a training file needs. */
    public static final int MIN_TRAINING_ROWS = 50;

    /** The fewest rows of each label, Fraud = 1 and Fraud = 0, a training file needs. */
    public static final int MIN_TRAINING_ROWS_PER_LABEL = 10;

    static final String ID = "Declaration ID";
    static final String DATE = "Date";
    static final String LABEL = "Fraud";
    private static final Set<String> LABELS = Set.of(LABEL, "Critical Fraud");
    private static final List<String> REQUIRED = List.of(ID, DATE, "Importer ID", "HS10 Code", "Item Price");
    private static final Set<String> MAPPED = Set.of(
            ID,
            DATE,
            "Office ID",
            "Mode of Transport",
            "Declarant ID",
            "Importer ID",
            "Seller ID",
            "HS10 Code",
            "Country of Departure",
            "Country of Origin",
            "Tax Rate",
            "Net Mass",
            "Item Price");

    /** What a file is read for, which decides what its rows must hold. */
    public enum Purpose {
        /** Rows to score: labels optional, a blank Date read as unknown, each Declaration ID once. */
        SCORING("a file to score", false, false, true),
        /** Rows to learn from: a Date and a Fraud label, 0 or 1, on every row. */
        TRAINING("a training file", true, true, false),
        /** Rows to measure scores against: a Fraud label, 0 or 1, on every row, each Declaration ID once. */
        EVALUATION("a labelled file", true, false, true);

        private final String file;
        private final boolean labels;
        private final boolean dates;
        private final boolean uniqueIds;

        Purpose(String file, boolean labels, boolean dates, boolean uniqueIds) {
            this.file = file;
            this.labels = labels;
            this.dates = dates;
            this.uniqueIds = uniqueIds;
        }

        List<String> columns() {
            if (!labels) {
                return REQUIRED;
            }
            List<String> columns = new ArrayList<>(REQUIRED);
            columns.add(LABEL);
            return columns;
        }
    }

    /**
     * One row of the file: its declaration ID, the line it maps to, and its label when the file has one.
     *
     * @param line the row's line in the file, the header being line 1
     */
    public record Row(String id, Declaration declaration, Boolean finding, long line) {

        public LabelledDeclaration labelled() {
            if (finding == null) {
                throw new IllegalStateException("Declaration " + id + " has no Fraud label");
            }
            return new LabelledDeclaration(declaration, finding);
        }
    }

    private DeclarationsDataset() {}

    /** A file of rows to score. */
    public static List<Row> read(Path file) throws IOException {
        return read(file, Purpose.SCORING);
    }

    public static List<Row> read(Path file, Purpose purpose) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), purpose);
        }
    }

    /** Rows to score. */
    public static List<Row> read(Reader reader, String source) throws IOException {
        return read(reader, source, Purpose.SCORING);
    }

    /**
     * The rows of a file, in file order, each checked for what {@code purpose} needs.
     *
     * @param source the file's name, for the messages
     * @throws IllegalArgumentException naming the file and line when a column or a value is missing or unreadable
     */
    public static List<Row> read(Reader reader, String source, Purpose purpose) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        List<Row> rows = new ArrayList<>();
        CSVParser parser;
        try {
            parser = CSVParser.parse(ByteOrderMark.skipped(reader), format);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " line 1: the header is not readable CSV: " + e.getMessage());
        }
        try (parser) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = purpose.columns().stream()
                    .filter(column -> !header.contains(column))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(source + " line 1: no column"
                        + (missing.size() == 1 ? " '" : "s '") + String.join("', '", missing) + "'; " + purpose.file
                        + " needs the columns " + String.join(", ", purpose.columns()));
            }
            List<String> attributes = header.stream()
                    .filter(name -> !MAPPED.contains(name) && !LABELS.contains(name))
                    .toList();
            boolean labelled = header.contains(LABEL);
            Map<String, Long> lineOfId = new HashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw new IllegalArgumentException(source + " line " + (parser.getCurrentLineNumber() + 1)
                            + ": not readable CSV: "
                            + (e.getCause() == null
                                    ? e.getMessage()
                                    : e.getCause().getMessage()));
                }
                long line = firstLine(record, parser.getCurrentLineNumber());
                if (!record.isConsistent()) {
                    throw new IllegalArgumentException(source + " line " + line + ": " + record.size()
                            + " values where the header names " + header.size() + " columns");
                }
                Row row = row(record, line, attributes, labelled, purpose, source);
                if (purpose.uniqueIds) {
                    Long earlier = lineOfId.putIfAbsent(row.id(), line);
                    if (earlier != null) {
                        throw new IllegalArgumentException(source + " line " + line + ": Declaration ID " + row.id()
                                + " is on line " + earlier + " too; each declaration is scored once");
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Refuses a training file too small to learn from: fewer than {@value #MIN_TRAINING_ROWS} rows, or fewer than
     * {@value #MIN_TRAINING_ROWS_PER_LABEL} with Fraud = 1 or with Fraud = 0.
     *
     * @param rows the rows of a file read for {@link Purpose#TRAINING}
     */
    public static void requireLearnable(List<Row> rows, String source) {
        long frauds =
                rows.stream().filter(row -> Boolean.TRUE.equals(row.finding())).count();
        long others = rows.size() - frauds;
        if (rows.size() < MIN_TRAINING_ROWS
                || frauds < MIN_TRAINING_ROWS_PER_LABEL
                || others < MIN_TRAINING_ROWS_PER_LABEL) {
            throw new IllegalArgumentException(String.format(
                    "%s: %d rows, %d with Fraud = 1 and %d with Fraud = 0, are too few to learn from; a training file"
                            + " needs at least %d rows, at least %d of them with Fraud = 1 and %d with Fraud = 0",
                    source,
                    rows.size(),
                    frauds,
                    others,
                    MIN_TRAINING_ROWS,
                    MIN_TRAINING_ROWS_PER_LABEL,
                    MIN_TRAINING_ROWS_PER_LABEL));
        }
    }

    /**
     * The line a record starts on: the parser has read to its last line, and a quoted value may span lines.
     *
     * @param lastLine the line the parser has read to, the header being line 1
     */
    private static long firstLine(CSVRecord record, long lastLine) {
        long breaks = 0;
        for (String value : record) {
            breaks += value.chars().filter(c -> c == '\n').count();
        }
        return lastLine - breaks;
    }

    private static Row row(
            CSVRecord record, long line, List<String> attributes, boolean labelled, Purpose purpose, String source) {
        String at = source + " line " + line + ": ";
        String id = record.get(ID);
        if (id.isEmpty()) {
            throw new IllegalArgumentException(at + "the Declaration ID is empty; every row needs one");
        }
        String day = record.get(DATE);
        LocalDate date = null;
        if (day.isEmpty()) {
            if (purpose.dates) {
                throw new IllegalArgumentException(at + "the Date is empty; " + purpose.file
                        + " needs the date of every row, since the model learns in date order");
            }
        } else {
            try {
                date = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(at + "Date '" + day + "' is not a date (YYYY-MM-DD)");
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (String name : attributes) {
            extra.put(name, record.get(name));
        }
        Declaration declaration = new Declaration(
                id,
                1,
                1,
                date,
                null,
                text(record, "Importer ID"),
                text(record, "Declarant ID"),
                text(record, "Office ID"),
                text(record, "Mode of Transport"),
                null,
                hts(text(record, "HS10 Code")),
                text(record, "Country of Origin"),
                text(record, "Country of Departure"),
                text(record, "Seller ID"),
                null,
                number(record, "Item Price", at),
                Double.NaN,
                null,
                number(record, "Net Mass", at),
                number(record, "Tax Rate", at),
                false,
                null,
                extra);
        Boolean finding = null;
        String label = labelled ? record.get(LABEL) : "";
        if (label.isEmpty()) {
            if (purpose.labels) {
                throw new IllegalArgumentException(
                        at + "Fraud is empty; " + purpose.file + " needs the label of every row, 0 or 1");
            }
        } else if (!label.equals("0") && !label.equals("1")) {
            throw new IllegalArgumentException(at + "Fraud is '" + label + "', not 0 or 1");
        } else {
            finding = label.equals("1");
        }
        return new Row(id, declaration, finding, line);
    }

    /** An HS code read as a number loses its leading zero (0710807000 becomes 710807000); this puts it back. */
    static String hts(String code) {
        if (code == null || code.isEmpty() || !code.chars().allMatch(Character::isDigit)) {
            return code;
        }
        return code.length() % 2 == 1 ? "0" + code : code;
    }

    private static String text(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isEmpty() ? null : value;
    }

    private static double number(CSVRecord record, String column, String at) {
        String value = text(record, column);
        if (value == null) {
            return Double.NaN;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + column + " '" + value + "' is not a number");
        }
    }
}
