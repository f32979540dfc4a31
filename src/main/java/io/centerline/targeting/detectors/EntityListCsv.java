package io.centerline.targeting.detectors;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    private EntityListCsv() {}

    /** The entities in file order; a missing name column or a bad row is refused with its row number. */
    public static List<ForcedLabourEntity> read(Reader reader) {
        List<ForcedLabourEntity> entities = new ArrayList<>();
        try {
            var parser = CSV.parse(reader);
            Set<String> header = Set.copyOf(parser.getHeaderNames());
            if (!header.contains("name")) {
                throw new IllegalArgumentException(
                        "An entity list needs the header name,country,sector,note; found " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                try {
                    entities.add(new ForcedLabourEntity(
                            row.get("name"),
                            header.contains("country") ? row.get("country") : "",
                            header.contains("sector") ? row.get("sector") : "",
                            header.contains("note") ? row.get("note") : ""));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new IllegalArgumentException(
                            "Entity " + (entities.size() + 1) + " of the list: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("The entity list is not readable CSV: " + e.getMessage(), e);
        }
        return entities;
    }
}
