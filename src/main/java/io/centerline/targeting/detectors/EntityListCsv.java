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

    /** Unreadable CSV, in the parser's words without the names of its classes. */
    private static RefusedInput notCsv(CSVException e) {
        return new RefusedInput("CSV_SYNTAX", "The entity list is not readable CSV: " + e.getMessage(), e);
    }
}
