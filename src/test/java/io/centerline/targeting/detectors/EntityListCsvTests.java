package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.platform.RefusedInput;
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
                .isInstanceOfSatisfying(
                        RefusedInput.class,
                        refused -> assertThat(refused.code()).isEqualTo("CSV_HEADER_UNKNOWN_COLUMN"))
                .hasMessageContaining("'effectiveFrom' is not one of them");
    }

    @Test
    void aHeaderWithoutANameColumnIsRefusedWithItsOwnCodeNamingTheColumn() {
        assertThatThrownBy(() -> EntityListCsv.rows(new StringReader("company,country\nFoo Textile Co,CN\n")))
                .isInstanceOfSatisfying(
                        RefusedInput.class,
                        refused -> assertThat(refused.code()).isEqualTo("CSV_HEADER_NO_NAME"))
                .hasMessage("The entity list's CSV header has no name column: it needs the header"
                        + " name,country,sector,note (name required, the others optional); found 'company', 'country'");
    }

    @Test
    void aRowOfMoreFieldsThanTheHeaderNamesIsRefusedWithItsOwnCode() {
        assertThatThrownBy(() -> EntityListCsv.rows(new StringReader("name,country\nFoo Textile Co,CN,textiles\n")))
                .isInstanceOfSatisfying(
                        RefusedInput.class,
                        refused -> assertThat(refused.code()).isEqualTo("CSV_COLUMN_COUNT"))
                .hasMessage("Entity 1 of the list has 3 fields where the header names 2");
    }

    @Test
    void aQuoteNeverClosedIsRefusedNamingTheLineItOpensOnInPlainWords() {
        assertThatThrownBy(() ->
                        EntityListCsv.rows(new StringReader("name,country\nGood Co,CN\n\"Some Co,CN\nOther Co,VN\n")))
                .isInstanceOfSatisfying(
                        RefusedInput.class,
                        refused -> assertThat(refused.code()).isEqualTo("CSV_SYNTAX"))
                .hasMessage("The entity list is not readable CSV: the quote opened on line 3 is never closed, and the"
                        + " file ends inside it");
    }

    @Test
    void charactersAfterTheQuoteThatClosesAValueAreRefusedNamingTheirLineInPlainWords() {
        assertThatThrownBy(() ->
                        EntityListCsv.rows(new StringReader("name,country\n\n# listed in 2026\n\"Some\" Co,CN\n")))
                .isInstanceOfSatisfying(
                        RefusedInput.class,
                        refused -> assertThat(refused.code()).isEqualTo("CSV_SYNTAX"))
                .hasMessage("The entity list is not readable CSV: line 4 has characters after the quote that closes a"
                        + " value, where only a comma or the end of the line may follow (a quote inside a quoted value"
                        + " is written twice, \"\")");
    }
}
