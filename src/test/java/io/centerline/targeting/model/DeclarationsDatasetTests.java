package io.centerline.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.targeting.Declaration;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclarationsDatasetTests {

    private static final String HEADER = "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,"
            + "Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS10 Code,"
            + "Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,"
            + "Item Price,Fraud,Critical Fraud\n";

    @Test
    void aRowMapsOntoAnEntryLineAsTheDataSetReadmeSays() throws IOException {
        List<DeclarationsDataset.Row> rows = DeclarationsDataset.read(
                new StringReader(HEADER + "97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,"
                        + "710807000,BE,CN,8.0,FEU1,G,108.0,372254.4,1,2\n"),
                "test");

        Declaration line = rows.get(0).declaration();
        assertThat(rows.get(0).id()).isEqualTo("97061800");
        assertThat(rows.get(0).finding()).isTrue();
        assertThat(line.entryDate()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(line.importer()).isEqualTo("QLRUBN9");
        assertThat(line.filer()).isEqualTo("ZZR1LT6");
        assertThat(line.manufacturer()).isEqualTo("0VKY2BR");
        assertThat(line.port()).isEqualTo("30");
        assertThat(line.modeOfTransport()).isEqualTo("10");
        assertThat(line.hts()).isEqualTo("0710807000");
        assertThat(line.countryOfExport()).isEqualTo("BE");
        assertThat(line.countryOfOrigin()).isEqualTo("CN");
        assertThat(line.grossWeightKg()).isEqualTo(108.0);
        assertThat(line.enteredValue()).isEqualTo(372254.4);
        assertThat(line.dutyRate()).isEqualTo(8.0);
        assertThat(line.attributes())
                .containsOnlyKeys(
                        "Process Type",
                        "Import Type",
                        "Import Use",
                        "Payment Type",
                        "Courier ID",
                        "Tax Type",
                        "Country of Origin Indicator")
                .containsEntry("Tax Type", "FEU1")
                .containsEntry("Courier ID", "");
    }

    @Test
    void neitherLabelColumnIsEverReadAsAFeature() throws IOException {
        List<DeclarationsDataset.Row> rows = DeclarationsDataset.read(
                new StringReader(HEADER + "1,2020-01-01,30,B,11,21,11,10,A,B,C,,8471300100,CN,CN,0,A,E,1,2,0,0\n"),
                "test");

        assertThat(rows.get(0).declaration().attributes()).doesNotContainKeys("Fraud", "Critical Fraud");
    }

    @Test
    void aFileWithoutLabelsReadsButCannotTrain() throws IOException {
        String header = HEADER.replace(",Fraud,Critical Fraud", "");
        List<DeclarationsDataset.Row> rows = DeclarationsDataset.read(
                new StringReader(header + "1,2021-04-01,30,B,11,21,11,10,A,B,C,,8471300100,CN,CN,0,A,E,1,2\n"), "test");

        assertThat(rows.get(0).finding()).isNull();
        assertThatThrownBy(() -> rows.get(0).labelled()).hasMessageContaining("no Fraud label");
    }

    @Test
    void anEmptyLabelReadsAsUnlabelledAndAnyOtherValueIsRefused() throws IOException {
        List<DeclarationsDataset.Row> rows = DeclarationsDataset.read(
                new StringReader(HEADER + "1,2021-04-01,30,B,11,21,11,10,A,B,C,,8471300100,CN,CN,0,A,E,1,2,,\n"),
                "test");

        assertThat(rows.get(0).finding()).isNull();
        assertThatThrownBy(() -> DeclarationsDataset.read(
                        new StringReader(
                                HEADER + "1,2021-04-01,30,B,11,21,11,10,A,B,C,,8471300100,CN,CN,0,A,E,1,2,yes,0\n"),
                        "test"))
                .hasMessageContaining("Fraud is 'yes'");
    }
}
