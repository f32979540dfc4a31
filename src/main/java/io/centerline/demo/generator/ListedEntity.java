package io.centerline.demo.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A fictional stand-in for an entity on a forced-labour entity list, used only to plant forced-labour links in
 * synthetic data: every name is invented and marked as such in {@code reference/uflpa-entities-synthetic.csv}.
 */
public record ListedEntity(String name, String country, String sector, String note) {

    static final String RESOURCE = "/reference/uflpa-entities-synthetic.csv";

    /** The synthetic listed entities, in file order. */
    public static List<ListedEntity> load() {
        try (InputStream in = ListedEntity.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<ListedEntity> entities = new ArrayList<>();
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                entities.add(new ListedEntity(row.get("name"), row.get("country"), row.get("sector"), row.get("note")));
            }
            return List.copyOf(entities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
