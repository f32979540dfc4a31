package io.centerline.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The entry types of the reference file {@code reference/entry-types.csv}, read as the loader reads them. */
public final class EntryTypeFile {

    private static final String RESOURCE = "/reference/entry-types.csv";

    private EntryTypeFile() {}

    /** Every entry type of the file, in its order. */
    public static List<EntryType> entryTypes() {
        List<EntryType> types = new ArrayList<>();
        try (InputStream in = EntryTypeFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setCommentMarker('#')
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                types.add(new EntryType(
                        row.get("code"),
                        row.get("name"),
                        row.get("category"),
                        Boolean.parseBoolean(row.get("adcvd")),
                        Boolean.parseBoolean(row.get("adcvd_optional")),
                        Boolean.parseBoolean(row.get("entry_summary"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    /** The codes of the types filed on an entry summary. */
    public static List<String> entrySummaryTypes() {
        return entryTypes().stream()
                .filter(EntryType::entrySummary)
                .map(EntryType::code)
                .toList();
    }
}
