package io.centerline.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.targeting.Declaration;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
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
    void aByteOrderMarkBeforeTheHeaderIsSkippedAsSpreadsheetProgramsWriteIt() throws IOException {
        List<DeclarationsDataset.Row> rows = DeclarationsDataset.read(
                new StringReader(
                        "\uFEFF" + HEADER + "1,2020-01-01,30,B,11,21,11,10,A,B,C,,8471300100,CN,CN,0,A,E,1,2,0,0\n"),
                "test");

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.id()).isEqualTo("1"));
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

    private static final String ROW = "1,2021-04-01,30,B,11,21,11,10,A,B,C,,8471300100,CN,CN,0,A,E,1,2";

    private static String row(String id, String date, String fraud) {
        return ROW.replaceFirst("^1,2021-04-01", id + "," + date) + (fraud == null ? "" : "," + fraud + ",0") + "\n";
    }

    private static String refusal(String file, DeclarationsDataset.Purpose purpose) {
        return assertThatThrownBy(() -> DeclarationsDataset.read(new StringReader(file), "T.csv", purpose))
                .isInstanceOf(IllegalArgumentException.class)
                .actual()
                .getMessage();
    }

    @Test
    void aTrainingFileNeedsTheFraudColumnAndTheRefusalNamesTheFileAndEveryMissingColumn() {
        String unlabelled = HEADER.replace(",Fraud,Critical Fraud", "");

        assertThat(refusal(unlabelled + row("1", "2021-04-01", null), DeclarationsDataset.Purpose.TRAINING))
                .isEqualTo("T.csv line 1: no column 'Fraud'; a training file needs the columns Declaration ID, Date,"
                        + " Importer ID, HS10 Code, Item Price, Fraud");
        assertThat(refusal(
                        unlabelled.replace("Date,", "Day,") + row("1", "2021-04-01", null),
                        DeclarationsDataset.Purpose.TRAINING))
                .startsWith("T.csv line 1: no columns 'Date', 'Fraud'; a training file needs");
        assertThat(refusal(
                        unlabelled.replace("Date,", "Day,") + row("1", "2021-04-01", null),
                        DeclarationsDataset.Purpose.SCORING))
                .startsWith("T.csv line 1: no column 'Date'; a file to score needs");
    }

    @Test
    void aFileToScoreNeedsNoLabelColumns() throws IOException {
        String unlabelled = HEADER.replace(",Fraud,Critical Fraud", "");

        assertThat(DeclarationsDataset.read(
                        new StringReader(unlabelled + row("1", "2021-04-01", null)),
                        "I.csv",
                        DeclarationsDataset.Purpose.SCORING))
                .singleElement()
                .extracting(DeclarationsDataset.Row::finding)
                .isNull();
    }

    @Test
    void everyRefusalNamesTheFileAndTheLineOfTheFileCountingTheHeaderAsLineOne() {
        String file = HEADER + row("1", "2021-04-01", "0") + "\n" + row("2", "2021-04-01", "0")
                + row("3", "2021-04-01", "0").replace(",C,,", ",\"C\nD\",,")
                + row("4", "2021-04-01", "0").replace(",1,2,0,0", ",1,cheap,0,0");

        assertThat(refusal(file, DeclarationsDataset.Purpose.SCORING))
                .as("blank line 3 and the quoted value over lines 5 and 6 counted")
                .isEqualTo("T.csv line 7: Item Price 'cheap' is not a number");
        assertThat(refusal(
                        HEADER + row("1", "2021-04-01", "0") + row("2", "2021-13-01", "0"),
                        DeclarationsDataset.Purpose.SCORING))
                .isEqualTo("T.csv line 3: Date '2021-13-01' is not a date (YYYY-MM-DD)");
        assertThat(refusal(HEADER + row("1", "2021-04-01", "maybe"), DeclarationsDataset.Purpose.SCORING))
                .isEqualTo("T.csv line 2: Fraud is 'maybe', not 0 or 1");
        assertThat(refusal(HEADER + row("", "2021-04-01", "0"), DeclarationsDataset.Purpose.SCORING))
                .isEqualTo("T.csv line 2: the Declaration ID is empty; every row needs one");
        assertThat(refusal(HEADER + "1,2021-04-01,30\n", DeclarationsDataset.Purpose.SCORING))
                .isEqualTo("T.csv line 2: 3 values where the header names 22 columns");
    }

    @Test
    void aBlankDateInAFileToScoreIsReadAsUnknownAndTheRowIsScoredButATrainingRowNeedsItsDate() throws IOException {
        List<DeclarationsDataset.Row> rows = DeclarationsDataset.read(
                new StringReader(HEADER + row("1", "2021-04-01", "") + row("2", "", "")),
                "I.csv",
                DeclarationsDataset.Purpose.SCORING);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).declaration().entryDate()).isNull();
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(refusal(
                        HEADER + row("1", "2021-04-01", "0") + row("2", "", "1"), DeclarationsDataset.Purpose.TRAINING))
                .isEqualTo("T.csv line 3: the Date is empty; a training file needs the date of every row, since the"
                        + " model learns in date order");
    }

    @Test
    void everyRowOfATrainingOrLabelledFileHasItsLabel() {
        assertThat(refusal(
                        HEADER + row("1", "2021-04-01", "0") + row("2", "2021-04-01", ""),
                        DeclarationsDataset.Purpose.TRAINING))
                .isEqualTo("T.csv line 3: Fraud is empty; a training file needs the label of every row, 0 or 1");
        assertThat(refusal(HEADER + row("1", "2021-04-01", ""), DeclarationsDataset.Purpose.EVALUATION))
                .isEqualTo("T.csv line 2: Fraud is empty; a labelled file needs the label of every row, 0 or 1");
    }

    @Test
    void aDeclarationIdIsScoredOnceSoARepeatedIdIsRefusedNamingBothLines() throws IOException {
        String file = HEADER + row("7", "2021-04-01", "0") + row("8", "2021-04-01", "0") + row("7", "2021-04-02", "1");

        assertThat(refusal(file, DeclarationsDataset.Purpose.SCORING))
                .isEqualTo("T.csv line 4: Declaration ID 7 is on line 2 too; each declaration is scored once");
        assertThat(refusal(file, DeclarationsDataset.Purpose.EVALUATION)).startsWith("T.csv line 4: Declaration ID 7");
        assertThat(DeclarationsDataset.read(new StringReader(file), "T.csv", DeclarationsDataset.Purpose.TRAINING))
                .hasSize(3);
    }

    @Test
    void aTrainingFileNeedsFiftyRowsWithTenOfEachLabel() throws IOException {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 50; i++) {
            file.append(row(String.valueOf(i), "2021-04-01", i < 10 ? "1" : "0"));
        }
        List<DeclarationsDataset.Row> enough = DeclarationsDataset.read(
                new StringReader(file.toString()), "T.csv", DeclarationsDataset.Purpose.TRAINING);
        DeclarationsDataset.requireLearnable(enough, "T.csv");

        assertThatThrownBy(() -> DeclarationsDataset.requireLearnable(enough.subList(0, 49), "T.csv"))
                .hasMessage("T.csv: 49 rows, 10 with Fraud = 1 and 39 with Fraud = 0, are too few to learn from; a"
                        + " training file needs at least 50 rows, at least 10 of them with Fraud = 1 and 10 with"
                        + " Fraud = 0");
        assertThatThrownBy(() -> DeclarationsDataset.requireLearnable(enough.subList(1, 50), "T.csv"))
                .hasMessageContaining("49 rows, 9 with Fraud = 1");
        List<DeclarationsDataset.Row> fewFrauds = new ArrayList<>(enough.subList(1, 50));
        fewFrauds.add(enough.get(20));
        assertThatThrownBy(() -> DeclarationsDataset.requireLearnable(fewFrauds, "T.csv"))
                .hasMessageContaining("50 rows, 9 with Fraud = 1 and 41 with Fraud = 0");
    }
}
