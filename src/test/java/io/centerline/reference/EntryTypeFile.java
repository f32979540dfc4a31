package io.centerline.reference;

import io.centerline.platform.ReferenceFiles;
import java.util.List;

/** The entry types of the reference file {@code reference/entry-types.csv}, read as the loader reads them. */
public final class EntryTypeFile {

    private static final String RESOURCE = "/reference/entry-types.csv";

    private EntryTypeFile() {}

    /** Every entry type of the file, in its order. */
    public static List<EntryType> entryTypes() {
        return ReferenceFiles.rows(RESOURCE).stream()
                .map(row -> new EntryType(
                        row.get("code"),
                        row.get("name"),
                        row.get("category"),
                        Boolean.parseBoolean(row.get("adcvd")),
                        Boolean.parseBoolean(row.get("adcvd_optional")),
                        Boolean.parseBoolean(row.get("entry_summary"))))
                .toList();
    }

    /** The codes of the types filed on an entry summary. */
    public static List<String> entrySummaryTypes() {
        return entryTypes().stream()
                .filter(EntryType::entrySummary)
                .map(EntryType::code)
                .toList();
    }
}
