package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSummaryReaderTests {

    private static final String HEADER = "entryNumber,entryType,totalDuty,line.lineNumber,line.htsNumber,"
            + "line.additionalHtsNumbers,line.description,line.enteredValue,line.fees\n";

    @Test
    void anEmptyFileIsAnEmptyBatchAsAnEmptyNdjsonOrAeFileIs() {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\uFEFF")).isEmpty();
    }

    @Test
    void consecutiveRowsWithTheSameEntryNumberFormOneSummary() {
        List<ReadRecord> records = readAll(HEADER
                + "A,01,10.00,1,8471300100,9903880300;9903010100,laptops,100.00,499=433.00;501=156.25\n"
                + "A,01,10.00,2,7604291010,,profiles,50.00,\n"
                + "B,11,,1,6109100012,,t-shirts,20.00,499=32.71\n"
                + "A,01,10.00,3,8471300100,,again,5.00,\n");

        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOf(ReadRecord.Parsed.class));
        List<SubmittedEntrySummary> summaries = summaries(records);
        assertThat(summaries).extracting(SubmittedEntrySummary::entryNumber).containsExactly("A", "B", "A");
        assertThat(summaries.get(0).lines()).extracting(Line::lineNumber).containsExactly("1", "2");
        assertThat(summaries.get(1).lines()).extracting(Line::lineNumber).containsExactly("1");
        assertThat(summaries.get(2).lines()).extracting(Line::lineNumber).containsExactly("3");

        Line first = summaries.get(0).lines().get(0);
        assertThat(first.additionalHtsNumbers()).containsExactly("9903880300", "9903010100");
        assertThat(first.fees()).containsExactly(new Fee("499", "433.00"), new Fee("501", "156.25"));
        Line second = summaries.get(0).lines().get(1);
        assertThat(second.additionalHtsNumbers()).isEmpty();
        assertThat(second.fees()).isEmpty();
    }

    @Test
    void rowsGiveOneSummaryWhenTheirEntryNumbersReadAlikeWrittenWithDashesOrInLowerCase() {
        List<ReadRecord> records = readAll(HEADER
                + "QAA33334276,01,,1,,,,,\n"
                + "QAA-3333427-6,01,,2,,,,,\n"
                + "qaa33334276,01,,3,,,,,\n"
                + "qaa-3333427-6,01,,4,,,,,\n"
                + "B,01,,1,,,,,\n");

        List<SubmittedEntrySummary> summaries = summaries(records);
        assertThat(summaries).extracting(SubmittedEntrySummary::entryNumber).containsExactly("QAA33334276", "B");
        assertThat(summaries.get(0).lines()).extracting(Line::lineNumber).containsExactly("1", "2", "3", "4");
    }

    @Test
    void rowsWhoseEntryNumbersCannotBeReadAreGroupedByTheirTextAsWritten() {
        List<ReadRecord> records = readAll(HEADER + "QAA-333,01,,1,,,,,\n" + " QAA-333 ,01,,2,,,,,\n"
                + "QAA333,01,,1,,,,,\n" + "qaa333,01,,1,,,,,\n");

        assertThat(summaries(records))
                .extracting(
                        SubmittedEntrySummary::entryNumber,
                        summary -> summary.lines().size())
                .containsExactly(tuple("QAA-333", 2), tuple("QAA333", 1), tuple("qaa333", 1));
    }

    private static final String FILINGS =
            "entryNumber,postSummaryCorrection,totalDuty,line.lineNumber,line.enteredValue,line.description\n";

    @Test
    void aRowRestartingTheNumberingWithAnotherPostSummaryCorrectionBeginsAnotherSummaryOfTheEntry() {
        List<ReadRecord> records = readAll(FILINGS
                + "A,false,10.00,1,100.00,laptops\n"
                + "A,false,10.00,2,50.00,profiles\n"
                + "A,true,12.00,1,120.00,laptops\n"
                + "A,true,12.00,2,50.00,profiles\n"
                + "A,true,12.00,3,5.00,cables\n"
                + "B,,,1,1.00,\n"
                + "B,,,2,1.00,\n"
                + "B,Y,,1,2.00,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3, 4);
        List<SubmittedEntrySummary> summaries = summaries(records);
        assertThat(summaries)
                .extracting(
                        SubmittedEntrySummary::entryNumber,
                        SubmittedEntrySummary::postSummaryCorrection,
                        summary ->
                                summary.lines().stream().map(Line::enteredValue).toList())
                .containsExactly(
                        tuple("A", "false", List.of("100.00", "50.00")),
                        tuple("A", "true", List.of("120.00", "50.00", "5.00")),
                        tuple("B", null, List.of("1.00", "1.00")),
                        tuple("B", "Y", List.of("2.00")));
    }

    @Test
    void rowsRestartingTheNumberingThatRepeatTheSummaryRowForRowAreTheSummarySentAgain() {
        String summary = "QAA33334276,false,10.00,1,100.00,laptops\n" + "QAA33334276,false,10.00,2,50.00,profiles\n";
        List<ReadRecord> records =
                readAll(FILINGS + summary + summary.replace("QAA33334276", "qaa-3333427-6") + summary);

        List<SubmittedEntrySummary> summaries = summaries(records);
        assertThat(summaries)
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("QAA33334276", "qaa-3333427-6", "QAA33334276");
        assertThat(summaries)
                .extracting(SubmittedEntrySummary::lines)
                .containsOnly(summaries(readAll(FILINGS + summary)).get(0).lines());
    }

    @Test
    void rowsInAnyOrderOfTheirLineNumbersAreOneSummary() {
        List<ReadRecord> records = readAll(FILINGS
                + "A,false,10.00,2,50.00,\n"
                + "A,false,10.00,3,5.00,\n"
                + "A,false,10.00,1,100.00,\n"
                + "A,true,12.00,3,5.00,\n"
                + "A,true,12.00,1,120.00,\n");

        assertThat(summaries(records))
                .extracting(summary ->
                        summary.lines().stream().map(Line::lineNumber).toList())
                .containsExactly(List.of("2", "3", "1"), List.of("3", "1"));
    }

    @Test
    void aLineNumberGivenAgainByRowsThatDoNotRepeatTheSummaryStaysInItSoThatNoSummaryIsStoredShortOfALine() {
        List<ReadRecord> records = readAll(FILINGS
                + "A,false,10.00,1,100.00,laptops\n"
                + "A,false,10.00,2,50.00,profiles\n"
                + "A,false,10.00,3,5.00,cables\n"
                + "A,false,10.00,1,7.00,mice\n"
                + "B,false,10.00,1,100.00,laptops\n"
                + "B,false,10.00,2,50.00,profiles\n"
                + "B,false,10.00,2,50.00,profiles\n"
                + "B,false,10.00,3,5.00,cables\n"
                + "C,false,10.00,1,100.00,laptops\n"
                + "C,false,10.00,2,50.00,profiles\n"
                + "C,false,10.00,1,100.00,laptops\n"
                + "C,false,10.00,2,50.00,profiles\n"
                + "C,false,10.00,3,5.00,cables\n");

        assertThat(summaries(records))
                .extracting(
                        SubmittedEntrySummary::entryNumber,
                        summary ->
                                summary.lines().stream().map(Line::lineNumber).toList())
                .containsExactly(
                        tuple("A", List.of("1", "2", "3", "1")),
                        tuple("B", List.of("1", "2", "2", "3")),
                        tuple("C", List.of("1", "2", "1", "2", "3")));
    }

    @Test
    void aLineRowPastedAgainAtTheEndHoweverOftenStaysInTheSummaryAndIsNeverASummaryOfItsOwn() {
        List<ReadRecord> records = readAll(FILINGS
                + "BX6-1206570-9,false,10.00,1,100.00,laptops\n"
                + "BX6-1206570-9,false,10.00,2,50.00,profiles\n"
                + "BX6-1206570-9,false,10.00,3,5.00,cables\n"
                + "BX6-1206570-9,false,10.00,1,100.00,laptops\n"
                + "BX6-1206570-9,false,10.00,1,100.00,laptops\n"
                + "Q1X08070545,false,,1,1.00,\n");

        assertThat(summaries(records))
                .extracting(SubmittedEntrySummary::entryNumber, CsvSummaryReaderTests::lineNumbers)
                .containsExactly(
                        tuple("BX6-1206570-9", List.of("1", "2", "3", "1", "1")), tuple("Q1X08070545", List.of("1")));
    }

    @Test
    void aChangedSummarySentTwiceAfterItsOriginalWithoutACorrectionFlagStaysInTheOriginal() {
        String original = "A,false,10.00,1,100.00,first aid kits\n" + "A,false,10.00,2,50.00,cotton fabric\n";
        String changed = original.replace(",kits", ",kits modified").replace("fabric", "fabric modified");
        List<ReadRecord> records = readAll(FILINGS + original + changed + changed + "B,false,,1,1.00,\n");

        assertThat(summaries(records))
                .extracting(SubmittedEntrySummary::entryNumber, CsvSummaryReaderTests::lineNumbers)
                .containsExactly(tuple("A", List.of("1", "2", "1", "2", "1", "2")), tuple("B", List.of("1")));
    }

    @Test
    void rowsThatRepeatTheSummaryAndThenGiveALineAgainAreNotASendingAgainAndStayInTheSummary() {
        String summary = "A,false,10.00,1,100.00,laptops\n" + "A,false,10.00,2,50.00,profiles\n";
        List<ReadRecord> records = readAll(FILINGS + summary + summary + "A,false,10.00,1,100.00,laptops\n" + summary
                + summary + "A,true,12.00,1,120.00,laptops\n");

        assertThat(summaries(records))
                .extracting(SubmittedEntrySummary::postSummaryCorrection, CsvSummaryReaderTests::lineNumbers)
                .containsExactly(
                        tuple("false", List.of("1", "2", "1", "2", "1", "1", "2", "1", "2")),
                        tuple("true", List.of("1")));
    }

    @Test
    void aCorrectionFollowingItsOriginalBeginsAnotherSummaryWhateverLineNumberItsFirstRowGives() {
        List<ReadRecord> records = readAll(FILINGS
                + "A,false,10.00,1,100.00,\n"
                + "A,false,10.00,2,50.00,\n"
                + "A,true,10.00,3,5.00,\n"
                + "B,false,10.00,1,100.00,\n"
                + "B,false,10.00,2,50.00,\n"
                + "B,true,12.00,3,5.00,\n"
                + "B,true,12.00,1,120.00,\n"
                + "B,true,12.00,2,50.00,\n"
                + "C,N,,1,1.00,\n"
                + "C,N,,2,1.00,\n"
                + "C,Y,,3,2.00,\n"
                + "C,Y,,1,2.00,\n");

        assertThat(records).allSatisfy(record -> assertThat(record).isInstanceOf(ReadRecord.Parsed.class));
        assertThat(summaries(records))
                .extracting(
                        SubmittedEntrySummary::entryNumber,
                        SubmittedEntrySummary::postSummaryCorrection,
                        CsvSummaryReaderTests::lineNumbers)
                .containsExactly(
                        tuple("A", "false", List.of("1", "2")),
                        tuple("A", "true", List.of("3")),
                        tuple("B", "false", List.of("1", "2")),
                        tuple("B", "true", List.of("3", "1", "2")),
                        tuple("C", "N", List.of("1", "2")),
                        tuple("C", "Y", List.of("3", "1")));
    }

    @Test
    void aCorrectionFollowsAnotherOnlyWhereTheNumberingStartsAgain() {
        String correction = "A,true,12.00,3,5.00,\n" + "A,true,12.00,1,120.00,\n" + "A,true,12.00,2,50.00,\n";
        List<ReadRecord> records =
                readAll(FILINGS + "A,false,10.00,1,100.00,\n" + "A,false,10.00,2,50.00,\n" + correction + correction
                        + "B,true,12.00,1,120.00,\n" + "B,true,12.00,2,50.00,\n" + "B,true,12.00,3,5.00,\n");

        assertThat(summaries(records))
                .extracting(
                        SubmittedEntrySummary::entryNumber,
                        SubmittedEntrySummary::postSummaryCorrection,
                        CsvSummaryReaderTests::lineNumbers)
                .containsExactly(
                        tuple("A", "false", List.of("1", "2")),
                        tuple("A", "true", List.of("3", "1", "2")),
                        tuple("A", "true", List.of("3", "1", "2")),
                        tuple("B", "true", List.of("1", "2", "3")));
    }

    @Test
    void anOriginalsRowAfterItsCorrectionsWithoutTheNumberingStartingAgainCannotBeToldApartAndIsRejectedWithIt() {
        List<ReadRecord> records =
                readAll(FILINGS + "A,false,10.00,1,100.00,\n" + "A,true,12.00,2,50.00,\n" + "A,false,12.00,3,5.00,\n");

        assertThat(records)
                .singleElement()
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors())
                                .extracting(IntakeError::code, IntakeError::field)
                                .contains(tuple("CSV_HEADER_MISMATCH", "postSummaryCorrection")));
    }

    @Test
    void rowsOfAnOriginalAndItsCorrectionMixedLineByLineCannotBeToldApartAndAreRejectedAsOneSummary() {
        List<ReadRecord> records = readAll(FILINGS
                + "A,false,10.00,1,100.00,\n"
                + "A,true,12.00,1,120.00,\n"
                + "A,false,10.00,2,50.00,\n"
                + "A,true,12.00,2,50.00,\n"
                + "B,false,10.00,1,100.00,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
        assertThat(records.get(0)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("A");
            assertThat(unreadable.errors())
                    .extracting(IntakeError::code, IntakeError::field)
                    .contains(tuple("CSV_HEADER_MISMATCH", "postSummaryCorrection"));
        });
        assertThat(records.get(1)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void aBrokenRowAmongTheRowsOfTwoFilingsOfAnEntryRejectsBoth() {
        List<ReadRecord> records = readAll(FILINGS
                + "A,false,10.00,1,100.00,\n"
                + "A,true,12.00,1,120.00,\"cables\"x\n"
                + "B,false,10.00,1,100.00,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
        assertThat(records.get(0))
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors())
                                .extracting(IntakeError::code)
                                .containsExactly("CSV_SYNTAX"));
    }

    @Test
    void anOriginalAndItsCorrectionOfAsManyRowsAsASummaryHasLinesAreRead() {
        StringBuilder text = new StringBuilder(FILINGS);
        for (String correction : List.of("false", "true")) {
            for (int row = 1; row <= CsvSummaryReader.MAX_ROWS; row++) {
                text.append("A,").append(correction).append(",,").append(row).append(",1.00,\n");
            }
        }

        assertThat(summaries(readAll(text.toString())))
                .extracting(
                        SubmittedEntrySummary::postSummaryCorrection,
                        summary -> summary.lines().size())
                .containsExactly(tuple("false", CsvSummaryReader.MAX_ROWS), tuple("true", CsvSummaryReader.MAX_ROWS));
    }

    @Test
    void thePositionCountsSummariesNotRows() {
        List<ReadRecord> records = readAll(HEADER
                + "A,01,,1,,,,,\n"
                + "A,01,,2,,,,,\n"
                + "A,01,,3,,,,,\n"
                + "B,01,,1,,,,,\n"
                + "C,01,,1,,,,,\n"
                + "C,01,,2,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
    }

    @Test
    void differingHeaderValuesInsideAGroupGiveHeaderMismatchNamingTheCsvRow() {
        List<ReadRecord> records = readAll(
                HEADER + "A,01,10.00,1,,,,,\n" + "A,01,10.00,2,,,,,\n" + "A,11,10.00,3,,,,,\n" + "B,01,,1,,,,,\n");

        assertThat(records).hasSize(2);
        ReadRecord.Unreadable record = (ReadRecord.Unreadable) records.get(0);
        assertThat(record.position()).isEqualTo(1);
        assertThat(record.entryNumber()).isEqualTo("A");
        assertThat(record.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("CSV_HEADER_MISMATCH");
            assertThat(error.field()).isEqualTo("entryType");
            assertThat(error.line()).isNull();
            assertThat(error.message()).contains("CSV row 4").contains("'11'").contains("'01'");
        });
        assertThat(records.get(1)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void headerValuesThatDifferOnlyInCapitalsOrSpacesAreTheSameValue() {
        List<ReadRecord> records = readAll("entryNumber,postSummaryCorrection,entryType,line.lineNumber\n"
                + "A,false,01,1\n"
                + "A,FALSE, 01 ,2\n");

        assertThat(records).singleElement().isInstanceOf(ReadRecord.Parsed.class);
        assertThat(summaries(records).get(0).lines()).hasSize(2);
    }

    @Test
    void aRowWithTheWrongNumberOfValuesGivesColumnCountAndReadingContinues() {
        List<ReadRecord> records = readAll(HEADER + "A,01,10.00,1,,,,\n" + "B,01,,1,,,,,,extra\n" + "C,01,,1,,,,,\n");

        assertThat(records).hasSize(3);
        assertThat(((ReadRecord.Unreadable) records.get(0)).errors())
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple("CSV_COLUMN_COUNT", "CSV row 2 has 8 values for 9 columns."));
        assertThat(((ReadRecord.Unreadable) records.get(1)).errors())
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple("CSV_COLUMN_COUNT", "CSV row 3 has 10 values for 9 columns."));
        assertThat(records.get(2)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(records.get(2).position()).isEqualTo(3);
    }

    @Test
    void anUnknownColumnRefusesTheWholeFileNamingTheColumn() {
        assertThatThrownBy(() -> new CsvSummaryReader(new StringReader("entryNumber,line.colour\nA,red\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line.colour");
    }

    @Test
    void aHeaderNamingAColumnTwiceRefusesTheFile() {
        assertThatThrownBy(() -> new CsvSummaryReader(new StringReader(
                        "entryNumber,line.description,line.lineNumber,line.description\nA,laptops,1,tablets\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The CSV header names the column line.description twice; a column is named once, as a"
                        + " row gives one value for it");
        assertThatThrownBy(() -> new CsvSummaryReader(
                        new StringReader("entryNumber,entryType,entryType,line.unit,entryType,line.unit\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The CSV header names the columns entryType 3 times and line.unit twice; ");
    }

    @Test
    void aFileWithoutAnEntryNumberColumnIsRefused() {
        assertThatThrownBy(() -> new CsvSummaryReader(new StringReader("entryType,line.lineNumber\n01,1\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entryNumber");
    }

    @Test
    void quotedValuesMayHoldCommasQuotesAndLineBreaksAndTheFileLinesAreStillCounted() {
        List<ReadRecord> records = readAll(HEADER
                + "A,01,,1,,,\"Laptops, 14 \"\"inch\"\"\",\"1,000.00\",\n"
                + "A,01,,2,,,\"Tablets,\n10 inch\",,\n"
                + "B,01,,1,,,\"x\"y,,\n"
                + "C,01,,1,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        List<Line> lines = summaries(records.subList(0, 1)).get(0).lines();
        assertThat(lines).extracting(Line::description).containsExactly("Laptops, 14 \"inch\"", "Tablets,\n10 inch");
        assertThat(lines.get(0).enteredValue()).isEqualTo("1,000.00");
        assertThat(syntaxMessage(records.get(1))).startsWith("The CSV row from file line 5 cannot be read: ");
        assertThat(records.get(2)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void rowsEndedByCrLfOrByCrAloneAreReadAsRowsEndedByLf() {
        List<ReadRecord> records = readAll(HEADER.replace("\n", "\r\n")
                + "A,01,,1,,,\"two\r\nlines\",,\r\n"
                + "A,01,,2,,,one,,\r"
                + "B,01,,1,,,\"x\"y,,\r\n"
                + "C,01,,1,,,,,\r\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        assertThat(summaries(records.subList(0, 1)).get(0).lines())
                .extracting(Line::description)
                .containsExactly("two\r\nlines", "one");
        assertThat(syntaxMessage(records.get(1)))
                .startsWith("The CSV row from file line 5 cannot be read: ")
                .contains(" Reading goes on at file line 6.");
        assertThat(summaries(records.subList(2, 3)))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("C");
    }

    @Test
    void emptyCellsBecomeNull() {
        SubmittedEntrySummary summary =
                summaries(readAll(HEADER + "A,,,1,,,,,\n")).get(0);

        assertThat(summary.entryType()).isNull();
        assertThat(summary.totalDuty()).isNull();
        Line line = summary.lines().get(0);
        assertThat(line.htsNumber()).isNull();
        assertThat(line.description()).isNull();
        assertThat(line.enteredValue()).isNull();
        assertThat(line.additionalHtsNumbers()).isEmpty();
        assertThat(line.fees()).isEmpty();
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalColumnsMayBeAbsent() {
        SubmittedEntrySummary summary = summaries(readAll("line.htsNumber,totalDuty,entryNumber,line.lineNumber\n"
                        + "8471300100,10.00,A,1\n"
                        + "7604291010,10.00,A,2\n"))
                .get(0);

        assertThat(summary)
                .isEqualTo(new SubmittedEntrySummary(
                        "A",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "10.00",
                        null,
                        List.of(line("1", "8471300100"), line("2", "7604291010"))));
    }

    @Test
    void valuesAndListItemsAreTrimmedAndEmptyRowsAreSkipped() {
        SubmittedEntrySummary summary = summaries(readAll(HEADER
                        + "\n"
                        + " A , 01 ,,1,, 9903880300 ; 9903010100 ,\" laptops \",,499 = 433.00 ; 501\n"
                        + "\n"))
                .get(0);

        assertThat(summary.entryNumber()).isEqualTo("A");
        assertThat(summary.entryType()).isEqualTo("01");
        Line line = summary.lines().get(0);
        assertThat(line.description()).isEqualTo("laptops");
        assertThat(line.additionalHtsNumbers()).containsExactly("9903880300", "9903010100");
        assertThat(line.fees()).containsExactly(new Fee("499", "433.00"), new Fee("501", null));
    }

    @Test
    void aRowOfOnlyBlankValuesIsSkippedLikeAnEmptyLineAndDoesNotSplitItsSummary() {
        List<ReadRecord> records = readAll(HEADER
                + ",,,,,,,,\n"
                + "A,01,,1,,,,,\n"
                + " , ,,, ,,,,\n"
                + ",,,\n"
                + "A,01,,2,,,,,\n"
                + ",,,,,,,,\n"
                + "B,01,,1,,,,,\n"
                + ",,,,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
        List<SubmittedEntrySummary> summaries = summaries(records);
        assertThat(summaries).extracting(SubmittedEntrySummary::entryNumber).containsExactly("A", "B");
        assertThat(summaries.get(0).lines()).extracting(Line::lineNumber).containsExactly("1", "2");
    }

    @Test
    void aFileOfOnlyBlankRowsHoldsNoSummary() {
        assertThat(readAll(HEADER + ",,,,,,,,\n,,,,,,,,\r\n")).isEmpty();
    }

    private static Line line(String number, String hts) {
        return new Line(
                number, hts, List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
                List.of());
    }

    private static List<SubmittedEntrySummary> summaries(List<ReadRecord> records) {
        return records.stream()
                .map(r -> {
                    assertThat(r).isInstanceOf(ReadRecord.Parsed.class);
                    return ((ReadRecord.Parsed) r).summary();
                })
                .toList();
    }

    @Test
    void aSummaryOfMoreRowsThanASummaryHasLinesIsRejectedAndReadingContinues() {
        assertThat(errorsOfRowsOfB(CsvSummaryReader.MAX_ROWS + 1))
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple(
                        "CSV_TOO_MANY_ROWS",
                        "Entry B has 1000 rows from CSV row 3; a summary holds at most 999 lines."));
    }

    @Test
    void rowsOfOneEntryNumberFollowingOneAnotherBeyondTwoSummariesOfTheMostLinesAreRejectedUnheldAndReadingContinues() {
        assertThat(errorsOfRowsOfB(2 * CsvSummaryReader.MAX_ROWS + 1))
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple(
                        "CSV_TOO_MANY_ROWS",
                        "Entry B has 1999 rows from CSV row 3; a summary holds at most 999 lines, and the rows of an"
                                + " entry number that follow one another at most 1998, for an original and its"
                                + " correction."));
    }

    /**
     * The errors of the rejection of as many rows of entry B, numbered 1 to 999 and from 1 again, between summaries A
     * and C, which are read.
     */
    private static List<IntakeError> errorsOfRowsOfB(int rows) {
        StringBuilder text = new StringBuilder(HEADER).append("A,01,,1,,,,,\n");
        for (int row = 0; row < rows; row++) {
            text.append("B,01,,").append(row % CsvSummaryReader.MAX_ROWS + 1).append(",,,,,\n");
        }
        text.append("C,01,,1,,,,,\n");

        List<ReadRecord> records = readAll(text.toString());

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        assertThat(summaries(List.of(records.get(0), records.get(2))))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("A", "C");
        assertThat(records.get(1)).isInstanceOf(ReadRecord.Unreadable.class);
        assertThat(((ReadRecord.Unreadable) records.get(1)).entryNumber()).isEqualTo("B");
        return ((ReadRecord.Unreadable) records.get(1)).errors();
    }

    @Test
    void aSummaryOfAsManyRowsAsASummaryHasLinesIsRead() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int row = 1; row <= CsvSummaryReader.MAX_ROWS; row++) {
            text.append("B,01,,").append(row).append(",,,,,\n");
        }

        assertThat(summaries(readAll(text.toString())))
                .singleElement()
                .satisfies(summary -> assertThat(summary.lines()).hasSize(CsvSummaryReader.MAX_ROWS));
    }

    @Test
    void aRowBrokenByItsQuotesCostsOnlyItsOwnSummary() {
        List<ReadRecord> records = readAll(
                HEADER + "A,01,,1,,,laptops,,\n" + "B,01,,1,,,\"15 inch\" laptop,,\n" + "C,01,,1,,,tablets,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        assertThat(records.get(1)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("B");
            assertThat(unreadable.errors())
                    .extracting(IntakeError::code, IntakeError::message)
                    .containsExactly(tuple(
                            "CSV_SYNTAX",
                            "The CSV row from file line 3 cannot be read: the quote opened at line 3, character 11"
                                    + " closes at line 3, character 19 and 'l' follows it where a comma or the end of"
                                    + " the row belongs (a value holding quotes is quoted whole, each of its quotes"
                                    + " doubled). Reading goes on at file line 4. The row is a line of entry B,"
                                    + " which is rejected whole."));
        });
        assertThat(summaries(List.of(records.get(0), records.get(2))))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("A", "C");
    }

    @Test
    void aBrokenRowInsideAMultiLineSummaryRejectsTheWholeSummary() {
        List<ReadRecord> records = readAll(HEADER
                + "A,01,,1,,,,,\n"
                + "B,01,,1,,,,,\n"
                + "B,01,,2,,,\"profiles\"x,,\n"
                + "B,01,,3,,,,,\n"
                + "C,01,,1,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        assertThat(records.get(1)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("B");
            assertThat(unreadable.errors()).singleElement().satisfies(error -> {
                assertThat(error.code()).isEqualTo("CSV_SYNTAX");
                assertThat(error.message())
                        .startsWith("The CSV row from file line 4 cannot be read: ")
                        .endsWith("Reading goes on at file line 5. The row is a line of entry B, which is rejected"
                                + " whole.");
            });
        });
        assertThat(summaries(List.of(records.get(0), records.get(2))))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("A", "C");
    }

    @Test
    void aBrokenRowWhoseEntryNumberCannotBeReadRejectsTheSummariesOnEitherSideOfIt() {
        List<ReadRecord> records = readAll(HEADER
                + "A,01,,1,,,,,\n"
                + "A,01,,2,,,,,\n"
                + "\"B\"x,01,,1,,,,,\n"
                + "C,01,,1,,,,,\n"
                + "D,01,,1,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        for (int i = 0; i < 2; i++) {
            String entryNumber = List.of("A", "C").get(i);
            assertThat(records.get(i)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
                assertThat(unreadable.entryNumber()).isEqualTo(entryNumber);
                assertThat(unreadable.errors()).singleElement().satisfies(error -> {
                    assertThat(error.code()).isEqualTo("CSV_SYNTAX");
                    assertThat(error.message())
                            .startsWith("The CSV row from file line 4 cannot be read: ")
                            .endsWith(" Its entry number cannot be read, and entry " + entryNumber
                                    + " is rejected with it, as the row may be one of its lines.");
                });
            });
        }
        assertThat(summaries(records.subList(2, 3)))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("D");
    }

    @Test
    void aBrokenRowWhoseEntryNumberCannotBeReadBetweenRowsOfOneSummaryRejectsThatSummaryOnly() {
        List<ReadRecord> records =
                readAll(HEADER + "A,01,,1,,,,,\n" + "\"A\"x,01,,2,,,,,\n" + "A,01,,3,,,,,\n" + "B,01,,1,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
        assertThat(records.get(0)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("A");
            assertThat(unreadable.errors()).extracting(IntakeError::code).containsExactly("CSV_SYNTAX");
        });
        assertThat(records.get(1)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void aBrokenRowWhoseEntryNumberCannotBeReadAtTheStartOfTheFileRejectsTheSummaryAfterIt() {
        List<ReadRecord> records = readAll(HEADER + "\"A\"x,01,,1,,,,,\n" + "B,01,,1,,,,,\n" + "C,01,,1,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
        assertThat(records.get(0)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("B");
            assertThat(unreadable.errors()).extracting(IntakeError::code).containsExactly("CSV_SYNTAX");
        });
        assertThat(records.get(1)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void aBrokenRowAloneInTheFileIsRejectedOnItsOwn() {
        List<ReadRecord> records = readAll(HEADER + "\"A\"x,01,,1,,,,,\n");

        assertThat(records).singleElement().isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isNull();
            assertThat(unreadable.errors())
                    .extracting(IntakeError::code, IntakeError::message)
                    .containsExactly(tuple(
                            "CSV_SYNTAX",
                            "The CSV row from file line 2 cannot be read: the quote opened at line 2, character 1"
                                    + " closes at line 2, character 3 and 'x' follows it where a comma or the end of"
                                    + " the row belongs (a value holding quotes is quoted whole, each of its quotes"
                                    + " doubled)."));
        });
    }

    @Test
    void aRowWithoutAnEntryNumberBetweenRowsOfOneEntryDoesNotPartThemAndTheEntryIsRejectedWholeWithIt() {
        List<ReadRecord> records = readAll(HEADER
                + "NGA-0223334-3,01,,1,,,excavators,,\n"
                + "P3P-0080913-7,01,,1,,,gold bars,,\n"
                + ",01,,2,,,platinum ingots,,\n"
                + "P3P-0080913-7,01,,3,,,natural gas,,\n"
                + "NCR04963294,01,,1,,,first aid kits,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        assertThat(records.get(1)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("P3P-0080913-7");
            assertThat(unreadable.errors())
                    .extracting(IntakeError::field, IntakeError::code, IntakeError::message)
                    .containsExactly(tuple(
                            "entryNumber",
                            "REQUIRED",
                            "CSV row 4 gives no entry number. It stands between rows of entry P3P-0080913-7, which is"
                                    + " rejected with it, as the row may be one of its lines."));
        });
        assertThat(summaries(List.of(records.get(0), records.get(2))))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("NGA-0223334-3", "NCR04963294");
    }

    @Test
    void rowsWhoseEntryNumbersAreNotEntryNumbersBetweenRowsOfOneEntryDoNotPartThemAndTheEntryIsRejectedWholeWithThem() {
        List<ReadRecord> records = readAll(HEADER
                + "P3P-0080913-7,01,,1,,,,,\n"
                + "P3P-008091,01,,2,,,,,\n"
                + "P3P-0080913-7,01,,3,,,,,\n"
                + "P3P-0080913-8,01,,4,,,,,\n"
                + "\"junk\"x,01,,5,,,,,\n"
                + "P3P-0080913-7,01,,6,,,,,\n");

        assertThat(records).singleElement().isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("P3P-0080913-7");
            assertThat(unreadable.errors())
                    .extracting(IntakeError::field, IntakeError::code)
                    .containsExactly(
                            tuple("entryNumber", "ENTRY_NUMBER_FORMAT"),
                            tuple("entryNumber", "ENTRY_NUMBER_CHECK_DIGIT"),
                            tuple(null, "CSV_SYNTAX"));
            assertThat(unreadable.errors().get(0).message())
                    .isEqualTo("CSV row 3 gives entry number 'P3P-008091', which is not a 3-character filer code, a"
                            + " 7-digit serial and a check digit. It stands between rows of entry P3P-0080913-7,"
                            + " which is rejected with it, as the row may be one of its lines.");
        });
    }

    @Test
    void theLaterLinesOfABrokenQuotedValueReadAgainAsARowStandingInItsSummaryAreRejectedWithIt() {
        for (String continuation : List.of("line\" junk,,\n", ",line\" junk,,\n")) {
            List<ReadRecord> records = readAll(HEADER
                    + "ZKH25846295,01,,1,,,plugs,,\n"
                    + "ZKH25846295,01,,2,,,\"multi\n" + continuation
                    + "ZKH25846295,01,,3,,,sockets,,\n"
                    + "NXH29891852,01,,1,,,aircraft parts,,\n");

            assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
            assertThat(records.get(0)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
                assertThat(unreadable.entryNumber()).isEqualTo("ZKH25846295");
                assertThat(unreadable.errors())
                        .extracting(IntakeError::code)
                        .containsExactly("CSV_SYNTAX", "CSV_SYNTAX");
                assertThat(unreadable.errors().get(0).message())
                        .startsWith("The CSV row from file line 3 cannot be read: ")
                        .endsWith("Reading goes on at file line 4. The row is a line of entry ZKH25846295, which is"
                                + " rejected whole.");
                assertThat(unreadable.errors().get(1).message())
                        .isEqualTo("The CSV row from file line 4 was read again after the row from file line 3 broke,"
                                + " and may be the later lines of that row's quoted value. It stands between rows of"
                                + " entry ZKH25846295, which is rejected with it, as the row may be one of its lines.");
            });
            assertThat(summaries(records.subList(1, 2)))
                    .extracting(SubmittedEntrySummary::entryNumber)
                    .containsExactly("NXH29891852");
        }
    }

    @Test
    void aRowWithoutAValidEntryNumberBetweenRowsOfTwoEntriesIsARecordOfItsOwn() {
        List<ReadRecord> records = readAll(HEADER
                + "P3P-0080913-7,01,,1,,,,,\n"
                + ",01,,2,,,,,\n"
                + "NCR04963294,01,,1,,,,,\n"
                + "NCR0496,01,,2,,,,,\n"
                + ",01,,3,,,,,\n"
                + "NXH29891852,01,,1,,,,,\n"
                + ",01,,2,,,,,\n");

        assertThat(summaries(records))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("P3P-0080913-7", null, "NCR04963294", "NCR0496", null, "NXH29891852", null);
    }

    @Test
    void theEntryNumberARejectionEchoesIsCutToFortyCharacters() {
        String long_ = "X".repeat(100);
        List<ReadRecord> records = readAll(HEADER + long_ + ",01,,1,,,\"a\"x,,\n");

        assertThat(records).singleElement().isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("X".repeat(40) + "\u2026");
            assertThat(unreadable.errors().get(0).message())
                    .endsWith("The row is a line of entry " + "X".repeat(40) + "\u2026, which is rejected whole.");
        });
    }

    @Test
    void aQuoteNeverClosedCostsOnlyItsRowAndReadingGoesOnAtTheLineAfterIt() {
        List<ReadRecord> records = readAll(
                HEADER + "A,01,,1,,,,,\n" + "B,01,,1,,,\"never closed,,\n" + "C,01,,1,,,,,\n" + "D,01,,1,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3, 4);
        assertThat(records.get(1)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("B");
            assertThat(unreadable.errors())
                    .extracting(IntakeError::code, IntakeError::message)
                    .containsExactly(tuple(
                            "CSV_SYNTAX",
                            "The CSV row from file line 3 cannot be read: the quote opened at line 3, character 11"
                                    + " is never closed. Reading goes on at file line 4. The row is a line of entry B,"
                                    + " which is rejected whole."));
        });
        assertThat(summaries(List.of(records.get(0), records.get(2), records.get(3))))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("A", "C", "D");
    }

    @Test
    void aQuoteOpenedByMistakeDoesNotTakeInTheRowsAfterIt() {
        List<ReadRecord> records =
                readAll(HEADER + "A,01,,1,,,\"15 inch laptop,,\n" + "B,01,,1,,,\"cotton\",,\n" + "C,01,,1,,,,,\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        assertThat(syntaxMessage(records.get(0)))
                .isEqualTo("The CSV row from file line 2 cannot be read: the quote opened at line 2, character 11"
                        + " closes at line 3, character 11 and 'c' follows it where a comma or the end of the row"
                        + " belongs (a value holding quotes is quoted whole, each of its quotes doubled). Reading goes"
                        + " on at file line 3. The row is a line of entry A, which is rejected whole.");
        List<SubmittedEntrySummary> after = summaries(records.subList(1, 3));
        assertThat(after).extracting(SubmittedEntrySummary::entryNumber).containsExactly("B", "C");
        assertThat(after.get(0).lines().get(0).description()).isEqualTo("cotton");
    }

    @Test
    void aQuoteNeverClosedIsReadPastAtTheLongestRowAllowedAndReadingGoesOnAtTheLineAfterIt() {
        StringBuilder text = new StringBuilder(HEADER)
                .append("A,01,,1,,,,,\n")
                .append("A,01,,2,,,,,\n")
                .append("B,01,,1,,,\"never closed,,\n");
        for (int row = 0; row < 20_000; row++) {
            text.append('C').append(row).append(",01,,1,,,,,\n");
        }
        List<ReadRecord> records = new ArrayList<>();
        try (CsvSummaryReader reader = new CsvSummaryReader(new StringReader(text.toString()), 64 << 10)) {
            reader.forEachRemaining(records::add);
        }

        assertThat(records).hasSize(20_002);
        assertThat(summaries(records.subList(0, 1)).get(0).lines()).hasSize(2);
        assertThat(records.get(1)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.entryNumber()).isEqualTo("B");
            assertThat(unreadable.errors())
                    .extracting(IntakeError::code, IntakeError::message)
                    .containsExactly(tuple(
                            "CSV_RECORD_TOO_LONG",
                            "The CSV row from file line 4 runs past 65536 characters (the quote opened at line 4,"
                                    + " character 11 is not closed within them). Reading goes on at file line 5."
                                    + " The row is a line of entry B, which is rejected whole."));
        });
        assertThat(summaries(records.subList(2, records.size())))
                .extracting(SubmittedEntrySummary::entryNumber)
                .startsWith("C0", "C1")
                .endsWith("C19999");
    }

    @Test
    void aRowTooLongWithoutQuotesIsReadPastToTheEndOfItsLine() {
        String text = HEADER + "A,01,,1,,,,,\n" + "B,01,,1,,," + "x".repeat(70_000) + ",,\n" + "C,01,,1,,,,,\n";
        List<ReadRecord> records = new ArrayList<>();
        try (CsvSummaryReader reader = new CsvSummaryReader(new StringReader(text), 64 << 10)) {
            reader.forEachRemaining(records::add);
        }

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        assertThat(((ReadRecord.Unreadable) records.get(1)).errors())
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple(
                        "CSV_RECORD_TOO_LONG",
                        "The CSV row from file line 3 runs past 65536 characters. Reading goes on at file line 4."
                                + " The row is a line of entry B, which is rejected whole."));
        assertThat(summaries(List.of(records.get(0), records.get(2))))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("A", "C");
    }

    @Test
    void aHeaderThatCannotBeReadRefusesTheWholeFileSayingWhy() {
        assertThatThrownBy(() -> new CsvSummaryReader(new StringReader("entryNumber,\"entryType\"x\nA,01\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The CSV header cannot be read: ");
        assertThatThrownBy(
                        () -> new CsvSummaryReader(new StringReader("\"entryNumber" + ",x".repeat(50_000)), 64 << 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The CSV header runs past 65536 characters");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkippedAsSpreadsheetProgramsWriteIt() {
        List<ReadRecord> records = readAll("\uFEFF" + HEADER + "A,01,,1,,,,,\n");

        assertThat(summaries(records))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("A");
    }

    @Test
    void aFileSeparatedBySemicolonsIsRefusedSayingSo() {
        assertThatThrownBy(() -> new CsvSummaryReader(new StringReader("entryNumber;entryType\nA;01\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The CSV header is one column, 'entryNumber;entryType': columns are separated by commas,"
                        + " and this file seems to separate them by ';'");
    }

    /** The message of the one error of a record rejected as {@code CSV_SYNTAX}. */
    private static String syntaxMessage(ReadRecord record) {
        assertThat(record).isInstanceOf(ReadRecord.Unreadable.class);
        IntakeError error = ((ReadRecord.Unreadable) record).errors().get(0);
        assertThat(error.code()).isEqualTo("CSV_SYNTAX");
        return error.message();
    }

    private static List<String> lineNumbers(SubmittedEntrySummary summary) {
        return summary.lines().stream().map(Line::lineNumber).toList();
    }

    @Test
    void eachSummaryStartsOnTheFileLineOfItsFirstRowTheHeaderBeingLineOne() {
        List<ReadRecord> records = readAll(HEADER
                + "A,01,10.00,1,8471300100,,laptops,100.00,\n"
                + "A,01,10.00,2,8471300100,,\"tablets,\nseven inch\",100.00,\n"
                + "\n"
                + "B,01,10.00,1,8471300100,,laptops,100.00,\n"
                + "C,01,10.00,1\n");

        assertThat(records)
                .extracting(ReadRecord::position, ReadRecord::fileLine)
                .containsExactly(tuple(1, 2L), tuple(2, 6L), tuple(3, 7L));
        assertThat(records.get(2)).isInstanceOf(ReadRecord.Unreadable.class);
    }

    private static List<ReadRecord> readAll(String text) {
        List<ReadRecord> records = new ArrayList<>();
        try (CsvSummaryReader reader = new CsvSummaryReader(new StringReader(text))) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }
}
