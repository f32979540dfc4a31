package io.centerline.targeting.model;

import io.centerline.targeting.Declaration;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 */
public final class DeclarationsDataset {

    /** The currency of Item Price in the public data set. */
    public static final String CURRENCY = "KRW";

    static final String ID = "Declaration ID";
    static final String LABEL = "Fraud";
    private static final Set<String> LABELS = Set.of(LABEL, "Critical Fraud");
    private static final Set<String> MAPPED = Set.of(
            ID,
            "Date",
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

    /** One row of the file: its declaration ID, the line it maps to, and its label when the file has one. */
    public record Row(String id, Declaration declaration, Boolean finding) {

        public LabelledDeclaration labelled() {
            if (finding == null) {
                throw new IllegalStateException("Declaration " + id + " has no Fraud label");
            }
            return new LabelledDeclaration(declaration, finding);
        }
    }

    private DeclarationsDataset() {}

    public static List<Row> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    public static List<Row> read(Reader reader, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            for (String required : List.of(ID, "Date", "Importer ID", "HS10 Code", "Item Price")) {
                if (!header.contains(required)) {
                    throw new IllegalArgumentException(source + " has no column '" + required + "'");
                }
            }
            List<String> attributes = header.stream()
                    .filter(name -> !MAPPED.contains(name) && !LABELS.contains(name))
                    .toList();
            boolean labelled = header.contains(LABEL);
            for (CSVRecord record : parser) {
                rows.add(row(record, attributes, labelled, source));
            }
        }
        return rows;
    }

    private static Row row(CSVRecord record, List<String> attributes, boolean labelled, String source) {
        String id = record.get(ID);
        LocalDate date;
        try {
            date = LocalDate.parse(record.get("Date"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    source + " line " + record.getRecordNumber() + ": '" + record.get("Date") + "' is not a date");
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
                number(record, "Item Price"),
                Double.NaN,
                null,
                number(record, "Net Mass"),
                number(record, "Tax Rate"),
                false,
                null,
                extra);
        Boolean finding = null;
        String label = labelled && record.isSet(LABEL) ? record.get(LABEL) : "";
        if (!label.isEmpty()) {
            if (!label.equals("0") && !label.equals("1")) {
                throw new IllegalArgumentException(
                        source + " line " + record.getRecordNumber() + ": Fraud is '" + label + "', not 0 or 1");
            }
            finding = label.equals("1");
        }
        return new Row(id, declaration, finding);
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

    private static double number(CSVRecord record, String column) {
        String value = text(record, column);
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Line " + record.getRecordNumber() + ": " + column + " '" + value + "' is not a number");
        }
    }
}
