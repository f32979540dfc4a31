package io.centerline.targeting.detectors;

import io.centerline.platform.ByteOrderMark;
import io.centerline.platform.RefusedInput;
import io.centerline.platform.Shown;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a forced-labour entity list written as CSV with the header {@code name,country,sector,note}. */
public final class EntityListCsv {

    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setCommentMarker('#')
            .get();

    private static final Set<String> COLUMNS = Set.of("name", "country", "sector", "note");

    /** The parser's words for a quoted value the file ends inside, with the line the value starts on. */
    private static final Pattern NEVER_CLOSED =
            Pattern.compile("\\(startline ([\\d,]+)\\) EOF reached before encapsulated token finished");

    /** The parser's words for characters after the quote that closes a value, with their line. */
    private static final Pattern AFTER_THE_CLOSING_QUOTE =
            Pattern.compile("Invalid character between encapsulated token and delimiter at line: ([\\d,]+)");

    private EntityListCsv() {}

    /**
     * The entities in file order, each checked as it is read; a missing name column or a bad row is refused with its
     * position. For lists known to be good, such as the bundled one; a load by an administrator reads {@link #rows}
     * and is checked whole ({@link EntityListDraft#problems}).
     */
    public static List<ForcedLabourEntity> read(Reader reader) {
        List<EntityListDraft.Entity> rows = rows(reader);
        List<ForcedLabourEntity> entities = new ArrayList<>(rows.size());
        for (EntityListDraft.Entity row : rows) {
            try {
                entities.add(new ForcedLabourEntity(row.name(), row.country(), row.sector(), row.note()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Entity " + (entities.size() + 1) + " of the list: " + e.getMessage(), e);
            }
        }
        return entities;
    }

    /**
     * The entities in file order as written, unchecked. Refused whole, with a stable code, when the CSV cannot be read
     * ({@code CSV_SYNTAX}), its header has no {@code name} column ({@code CSV_HEADER_NO_NAME}) or names one the list
     * does not have ({@code CSV_HEADER_UNKNOWN_COLUMN}), or a row has more or fewer fields than the header names
     * ({@code CSV_COLUMN_COUNT}).
     */
    public static List<EntityListDraft.Entity> rows(Reader reader) {
        List<EntityListDraft.Entity> entities = new ArrayList<>();
        try {
            var parser = CSV.parse(ByteOrderMark.skipped(reader));
            Set<String> header = Set.copyOf(parser.getHeaderNames());
            if (!header.contains("name")) {
                throw new RefusedInput(
                        "CSV_HEADER_NO_NAME",
                        "The entity list's CSV header has no name column: it needs the header name,country,sector,note"
                                + " (name required, the others optional); found "
                                + Shown.values(parser.getHeaderNames()));
            }
            List<String> unknown = parser.getHeaderNames().stream()
                    .filter(column -> !COLUMNS.contains(column))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new RefusedInput(
                        "CSV_HEADER_UNKNOWN_COLUMN",
                        "An entity list has the columns name,country,sector,note; " + Shown.values(unknown)
                                + (unknown.size() == 1
                                        ? " is not one of them, and is not read as if it were absent"
                                        : " are not among them, and are not read as if they were absent"));
            }
            for (CSVRecord row : parser) {
                if (!row.isConsistent()) {
                    throw new RefusedInput(
                            "CSV_COLUMN_COUNT",
                            "Entity " + (entities.size() + 1) + " of the list has " + row.size()
                                    + " fields where the header names " + header.size());
                }
                entities.add(new EntityListDraft.Entity(
                        row.get("name"),
                        header.contains("country") ? row.get("country") : "",
                        header.contains("sector") ? row.get("sector") : "",
                        header.contains("note") ? row.get("note") : ""));
            }
        } catch (CSVException e) {
            throw notCsv(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            // the parser wraps its own exception as it reads the rows; its message says where and why
            throw e.getCause() instanceof CSVException csv ? notCsv(csv) : e;
        }
        return entities;
    }

    /**
     * Unreadable CSV, said in plain words with the file line it concerns: the parser's message is read only to tell
     * which mistake it found, and its words are never shown.
     */
    private static RefusedInput notCsv(CSVException e) {
        String said = e.getMessage() == null ? "" : e.getMessage();
        Matcher neverClosed = NEVER_CLOSED.matcher(said);
        Matcher afterQuote = AFTER_THE_CLOSING_QUOTE.matcher(said);
        String why;
        if (neverClosed.find()) {
            why = "the quote opened on line " + line(neverClosed.group(1))
                    + " is never closed, and the file ends inside it";
        } else if (afterQuote.find()) {
            why = "line " + line(afterQuote.group(1)) + " has characters after the quote that closes a value, where"
                    + " only a comma or the end of the line may follow (a quote inside a quoted value is written"
                    + " twice, \"\")";
        } else {
            why = "it breaks the quoting rules of CSV";
        }
        return new RefusedInput("CSV_SYNTAX", "The entity list is not readable CSV: " + why, e);
    }

    /** A line number as the parser writes it, with separators of thousands, as the number alone. */
    private static String line(String written) {
        return written.replace(",", "");
    }
}
