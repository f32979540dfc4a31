package io.centerline.demo.generator;

import io.centerline.platform.ReferenceFiles;
import java.util.List;

/**
 * A fictional stand-in for an entity on a forced-labour entity list, used only to plant forced-labour links in
 * synthetic data: every name is invented and marked as such in {@code reference/uflpa-entities-synthetic.csv}.
 */
public record ListedEntity(String name, String country, String sector, String note) {

    static final String RESOURCE = "/reference/uflpa-entities-synthetic.csv";

    /** The synthetic listed entities, in file order. */
    public static List<ListedEntity> load() {
        return ReferenceFiles.rows(RESOURCE).stream()
                .map(row -> new ListedEntity(row.get("name"), row.get("country"), row.get("sector"), row.get("note")))
                .toList();
    }
}
