package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReferenceFilesTests {

    @Test
    void commentLinesSayWhereFiguresComeFromAndAreNotRows() {
        List<CSVRecord> rows = ReferenceFiles.rows("reference/entry-types.csv");

        assertThat(rows)
                .extracting(row -> row.get("code"))
                .contains("01", "03", "11")
                .allMatch(code -> code.matches("\\d\\d"));
    }

    @Test
    void aLeadingSlashNamesTheSameFile() {
        assertThat(ReferenceFiles.rows("/reference/centers.csv"))
                .hasSameSizeAs(ReferenceFiles.rows("reference/centers.csv"))
                .hasSize(10);
    }

    @Test
    void aFileMissingFromTheBuildIsNamed() {
        assertThatThrownBy(() -> ReferenceFiles.rows("reference/no-such-file.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reference/no-such-file.csv");
    }
}
