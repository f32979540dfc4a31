package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EntityListCsvTests {

    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkippedAsSpreadsheetProgramsWriteIt() {
        assertThat(EntityListCsv.rows(
                        new StringReader("\uFEFFname,country,sector,note\nFoo Textile Co,CN,textiles,\n")))
                .singleElement()
                .satisfies(entity -> assertThat(entity.name()).isEqualTo("Foo Textile Co"));
    }

    @Test
    void aColumnTheListDoesNotHaveIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> EntityListCsv.rows(new StringReader(
                        "name,country,sector,note,effectiveFrom\nFoo Textile Co,CN,textiles,,2027-06-01\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[effectiveFrom] is not one of them");
    }
}
