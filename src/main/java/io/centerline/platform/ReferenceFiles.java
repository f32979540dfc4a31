package io.centerline.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV files the application carries with it (the reference data under {@code reference/}, the demo generator's
 * catalogue under {@code demo/}): UTF-8, a header row naming the columns, and comment lines starting with {@code #}
 * that say where the figures come from. Every reader of such a file reads it here, so that a comment or a byte order
 * mark means the same to all of them. Files sent by users (entity lists, intake batches) have readers of their own
 * that check them.
 */
public final class ReferenceFiles {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .get();

    private ReferenceFiles() {}

    /**
     * The rows of a file on the class path, in file order, read by the names of the header's columns.
     *
     * @param resource the file's path on the class path, such as {@code reference/ports.csv} (a leading {@code /} is
     *     allowed)
     * @throws IllegalStateException when there is no such file: the build that left it out is broken
     */
    public static List<CSVRecord> rows(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return FORMAT.parse(ByteOrderMark.skipped(new InputStreamReader(in, StandardCharsets.UTF_8)))
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
