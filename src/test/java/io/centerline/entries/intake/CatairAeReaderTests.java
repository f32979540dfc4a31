package io.centerline.entries.intake;

import static io.centerline.entries.intake.AeText.header10;
import static io.centerline.entries.intake.AeText.header11;
import static io.centerline.entries.intake.AeText.line40;
import static io.centerline.entries.intake.AeText.lines;
import static io.centerline.entries.intake.AeText.record;
import static io.centerline.entries.intake.AeText.tariff50;
import static io.centerline.entries.intake.AeText.totals90;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import io.centerline.platform.RefusedInput;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatairAeReaderTests {

    /** The business date on which the files of these tests are received. */
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 6, 30);

    @Test
    void aFileInUtf16OrUtf32IsRefusedWholeAsNotText() throws IOException {
        String ae;
        try (var in = getClass().getResourceAsStream("/catair/two-summaries.txt")) {
            ae = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32")) {
            byte[] bytes = ae.getBytes(java.nio.charset.Charset.forName(charset));
            Reader asUtf8 = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> new CatairAeReader(asUtf8, RECEIVED_ON))
                    .as(charset)
                    .isInstanceOfSatisfying(
                            RefusedInput.class,
                            refused -> assertThat(refused.code()).isEqualTo("CATAIR_ENCODING"));
        }
        assertThat(readAll(new StringReader("\uFEFF" + ae))).hasSize(2);
    }

    @Test
    void theFixtureFileReadsAsTwoSummariesWithEveryMappedField() throws IOException {
        List<ReadRecord> records;
        try (Reader in = new InputStreamReader(
                getClass().getResourceAsStream("/catair/two-summaries.txt"), StandardCharsets.US_ASCII)) {
            records = readAll(in);
        }

        SubmittedEntrySummary first = new SubmittedEntrySummary(
                "ABC12345676",
                "01",
                "12-3456789AB",
                "2704",
                "2026-03-15",
                "2026-06-30",
                "11",
                "8",
                "false",
                null,
                "1230.00",
                "734.21",
                List.of(
                        new Line(
                                "1",
                                "8471300100",
                                List.of("9903880315"),
                                "CN",
                                "CN",
                                "CNSHEELE1234SHE",
                                "LAPTOP COMPUTERS, 14 INCH",
                                "125000",
                                "500",
                                "NO",
                                "1200",
                                "false",
                                "0.00",
                                null,
                                null,
                                List.of(new Fee("499", "433.00"), new Fee("501", "156.25"))),
                        new Line(
                                "2",
                                "9403200090",
                                List.of(),
                                "VN",
                                "VN",
                                null,
                                "WOODEN BEDROOM FURNITURE",
                                "30750",
                                "150.5",
                                "KG",
                                "2000",
                                "true",
                                "1230.00",
                                "A552801000",
                                "3075.00",
                                List.of(new Fee("499", "106.52"), new Fee("501", "38.44")))));
        SubmittedEntrySummary second = new SubmittedEntrySummary(
                "XYZ00123452",
                "01",
                "260427-12345",
                "2709",
                "2026-04-10",
                "2026-06-30",
                "40",
                null,
                "true",
                null,
                "120.00",
                "33.58",
                List.of(new Line(
                        "1",
                        "8481909000",
                        List.of(),
                        "DE",
                        "DE",
                        "DEKSBVAL42FRA",
                        "INDUSTRIAL VALVE PARTS",
                        "4800",
                        "40",
                        "KG",
                        "35",
                        "false",
                        "120.00",
                        null,
                        null,
                        List.of(new Fee("499", "33.58")))));
        assertThat(records)
                .containsExactly(new ReadRecord.Parsed(1, first, true), new ReadRecord.Parsed(2, second, true));
    }

    @Test
    void anAeTransactionIsASummaryFiledOnTheBusinessDateItIsReceivedAndReadAsDatedOnReceipt() {
        ReadRecord read = readOne(
                new StringReader(lines(
                        header10("ABC", "12345676"),
                        header11(),
                        line40("001"),
                        tariff50("8471300100", "0000000000", "0000001000"))),
                LocalDate.of(2026, 4, 2));

        assertThat(parsed(read).summaryDate()).isEqualTo("2026-04-02");
        assertThat(((ReadRecord.Parsed) read).datedOnReceipt()).isTrue();
    }

    @Test
    void goodsThatArrivedBeforeTheirEntryDateAreReadWithTheEntryDateAndTheSummaryDatedOnReceipt() {
        SubmittedEntrySummary summary = parsed(readOne(transactionDated("031526", "030226")));

        assertThat(summary.entryDate()).isEqualTo("2026-03-15");
        assertThat(summary.summaryDate()).isEqualTo("2026-06-30");
    }

    @Test
    void goodsImportedOnTheirEntryDateAreRead() {
        assertThat(readOne(transactionDated("031526", "031526"))).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void anImportDateAfterTheEntryDateIsRefusedNamingBothDatesAndTheirPositions() {
        ReadRecord read = readOne(transactionDated("031526", "031626"));

        assertThat(read).isInstanceOf(ReadRecord.Unreadable.class);
        assertThat(((ReadRecord.Unreadable) read).errors())
                .containsExactly(IntakeError.header(
                        "importDate",
                        "IMPORT_DATE_AFTER_ENTRY",
                        "File line 2: the import date 2026-03-16 in record 11 (positions 48-53), the day the goods"
                                + " arrived, is after the estimated entry date 2026-03-15 (positions 42-47); goods are"
                                + " entered on or after the day they arrive"));
    }

    @Test
    void anImportDateThatIsNoMmddyyDateIsReportedInTheTermsOfTheAeRecord() {
        ReadRecord read = readOne(transactionDated("031526", "0315XX"));

        assertThat(((ReadRecord.Unreadable) read).errors())
                .containsExactly(IntakeError.header(
                        "importDate",
                        "DATE_FORMAT",
                        "File line 2: the import date '0315XX' in record 11 is not a date in the form MMDDYY"));
    }

    @Test
    void aBlankImportDateIsNoneAndTheSummaryIsStillRead() {
        SubmittedEntrySummary summary = parsed(readOne(transactionDated("031526", "")));

        assertThat(summary.entryDate()).isEqualTo("2026-03-15");
    }

    @Test
    void aChapter99NumberOnALineIsReadAsAnAdditionalNumber() {
        Line line = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("9903880315", "0000000000", "0000000000"),
                tariff50("8471300100", "0000012345", "0000125000"),
                tariff50("9817004000", "0000000000", "0000000000"),
                totals90("000000012345", "000000000000"))));

        assertThat(line.htsNumber()).isEqualTo("8471300100");
        assertThat(line.additionalHtsNumbers()).containsExactly("9903880315", "9817004000");
        assertThat(line.dutyAmount()).isEqualTo("123.45");
        assertThat(line.enteredValue()).isEqualTo("125000");
    }

    @Test
    void aLinesDutyIsTheSumOfTheDutyOfAllItsFiftyRecordsSoThatChapter99DutyDeclaredOnItsOwnRecordIsKept() {
        ReadRecord read = readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                record("44", 3, "HOT-ROLLED STEEL COILS"),
                record("47", 3, "M", 4, "CNBAOSTE1SHA"),
                tariff50("9903880300", "0000002500", "0000000000"),
                tariff50("7208100000", "0000000000", "0000010000"),
                totals90("000000002500", "000000000000")));

        Line line = onlyLine(read);
        assertThat(line.htsNumber()).isEqualTo("7208100000");
        assertThat(line.additionalHtsNumbers()).containsExactly("9903880300");
        assertThat(line.enteredValue()).isEqualTo("10000");
        assertThat(line.dutyAmount()).isEqualTo("25.00");
        assertThat(parsed(read).totalDuty()).isEqualTo(line.dutyAmount());
    }

    @Test
    void aLinesDutyAddsTheClassificationsDutyToEveryAdditionalNumbersAndIsNullOnlyWhenNoFiftyRecordGivesOne() {
        Line summed = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000012345", "0000125000"),
                tariff50("9903880315", "0000031250", "0000000000"),
                record("50", 3, "9903010100", 14, "0000000105"))));
        Line onlyOnTheProvision = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                record("50", 3, "7208100000", 25, "0000010000"),
                tariff50("9903880300", "0000002500", "0000000000"))));
        Line none = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                record("50", 3, "7208100000", 25, "0000010000"),
                record("50", 3, "9903880300"))));

        assertThat(summed.dutyAmount()).isEqualTo("437.00");
        assertThat(onlyOnTheProvision.dutyAmount()).isEqualTo("25.00");
        assertThat(none.dutyAmount()).isNull();
    }

    @Test
    void aDutyThatIsNoNumberOfCentsOnAnAdditionalNumbersFiftyRecordIsPassedOnAsWrittenRatherThanLeftOutOfTheSum() {
        Line line = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("7208100000", "0000000000", "0000010000"),
                tariff50("9903880300", "00000025A0", "0000000000"))));

        assertThat(line.dutyAmount()).isEqualTo("00000025A0");
    }

    @Test
    void aChapter99ProvisionInThe8DigitsItIsPublishedWithIsReadAsAnAdditionalNumberAsWritten() {
        Line line = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("99038803", "0000002500", "0000000000"),
                tariff50("7208100000", "0000000000", "0000010000"))));

        assertThat(line.htsNumber()).isEqualTo("7208100000");
        assertThat(line.additionalHtsNumbers()).containsExactly("99038803");
        assertThat(line.dutyAmount()).isEqualTo("25.00");
    }

    @Test
    void aLineWithOnlyChapter98Or99NumbersTakesTheFirstAsItsClassification() {
        Line line = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("9903880315", "0000000500", "0000001000"),
                tariff50("9817004000", "0000000000", "0000000000"))));

        assertThat(line.htsNumber()).isEqualTo("9903880315");
        assertThat(line.additionalHtsNumbers()).containsExactly("9817004000");
        assertThat(line.enteredValue()).isEqualTo("1000");
    }

    @Test
    void aSecondClassificationOnALineIsPassedOnAsAnAdditionalNumber() {
        Line line = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                tariff50("8473301180", "0000000000", "0000000500"))));

        assertThat(line.htsNumber()).isEqualTo("8471300100");
        assertThat(line.additionalHtsNumbers()).containsExactly("8473301180");
    }

    @Test
    void aMalformedTransactionBetweenTwoGoodOnesIsUnreadableWhileTheOthersAreRead() {
        List<ReadRecord> records = readAll(new StringReader(lines(
                record("A", 2, "BROKERCO"),
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                totals90("000000000000", "000000000000"),
                header10("XYZ", "00123452"),
                header11(),
                tariff50("8471300100", "0000000000", "0000001000"),
                totals90("000000000000", "000000000000"),
                header10("ABC", "76543210"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                totals90("000000000000", "000000000000"),
                record("Z", 2, "BROKERCO"))));

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(records.get(2)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(((ReadRecord.Parsed) records.get(2)).summary().entryNumber()).isEqualTo("ABC76543210");
        assertThat(records.get(1))
                .isEqualTo(new ReadRecord.Unreadable(
                        2,
                        "XYZ00123452",
                        List.of(new IntakeError(
                                null,
                                "record 50",
                                "CATAIR_RECORD_ORDER",
                                "File line 9: record 50 comes before any 40 line record"))));
    }

    @Test
    void aRecordLongerThan80CharactersMakesItsTransactionUnreadable() {
        ReadRecord read = readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("007"),
                tariff50("8471300100", "0000000000", "0000001000") + "EXTRA",
                totals90("000000000000", "000000000000")));

        assertThat(read)
                .isEqualTo(new ReadRecord.Unreadable(
                        1,
                        "ABC12345676",
                        List.of(new IntakeError(
                                7,
                                "record 50",
                                "CATAIR_RECORD_LENGTH",
                                "File line 4: record 50 is 85 characters long; AE records have 80"))));
    }

    @Test
    void blanksPastColumn80HoldNoFieldAndALineOfSpacesIsEmpty() {
        List<ReadRecord> records = readAll(new StringReader(lines(
                        header10("ABC", "12345676") + "  ",
                        header11() + "  ",
                        line40("007") + "  ",
                        tariff50("8471300100", "0000000000", "0000001000") + "  ",
                        totals90("000000000000", "000000000000") + "  ")
                + " ".repeat(82) + "\n" + " ".repeat(80) + "\t\n"));

        assertThat(records).hasSize(1);
        assertThat(records.get(0)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void aRecordsLengthCountsACharacterOutsideTheBasicPlaneOnce() {
        String line44 = "44Gift box \uD83D\uDCE6 assorted";
        ReadRecord read = readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("007"),
                line44 + "X".repeat(81 - line44.codePointCount(0, line44.length())),
                tariff50("8471300100", "0000000000", "0000001000"),
                totals90("000000000000", "000000000000")));

        assertThat(((ReadRecord.Unreadable) read).errors().get(0).message())
                .isEqualTo("File line 4: record 44 is 81 characters long; AE records have 80");
    }

    @Test
    void aLineThatNeverEndsIsReportedAsTooLongWithoutBeingHeldInMemory() {
        String head = lines(header10("ABC", "12345676"), header11(), "44");
        long length = 50_000_000L;
        Reader endless = new GeneratedReader(new Iterator<>() {
            private boolean headDone;
            private long written;

            @Override
            public boolean hasNext() {
                return !headDone || written < length;
            }

            @Override
            public String next() {
                if (!headDone) {
                    headDone = true;
                    return head.substring(0, head.length() - 1);
                }
                written += 1000;
                return "X".repeat(1000);
            }
        });

        ReadRecord read = readOne(endless);

        assertThat(read).isInstanceOf(ReadRecord.Unreadable.class);
        assertThat(((ReadRecord.Unreadable) read).errors())
                .extracting(IntakeError::code)
                .containsExactly("CATAIR_RECORD_LENGTH", "CATAIR_RECORD_ORDER");
        assertThat(((ReadRecord.Unreadable) read).errors().get(0).message())
                .isEqualTo("File line 3: record 44 is " + (length + 2) + " characters long; AE records have 80");
    }

    @Test
    void aLineRecordBeforeAnyFortyRecordIsReportedWithItsFileLine() {
        ReadRecord read = readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                record("44", 3, "ORPHAN DESCRIPTION"),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000")));

        assertThat(read).isInstanceOf(ReadRecord.Unreadable.class);
        assertThat(((ReadRecord.Unreadable) read).errors())
                .containsExactly(new IntakeError(
                        null,
                        "record 44",
                        "CATAIR_RECORD_ORDER",
                        "File line 3: record 44 comes before any 40 line record"));
    }

    @Test
    void aTransactionThatAsksToDeleteASummaryIsUnreadable() {
        ReadRecord read = readOne(transactionWithAction("D"));

        assertThat(((ReadRecord.Unreadable) read).errors())
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple(
                        "CATAIR_ACTION_CODE",
                        "File line 1: action code D asks to delete an entry summary; every accepted version is kept, so"
                                + " a summary is changed by a post-summary correction and never deleted"));
    }

    @Test
    void aTransactionWithoutAKnownActionCodeIsUnreadable() {
        ReadRecord read = readOne(transactionWithAction("X"));

        assertThat(((ReadRecord.Unreadable) read).errors())
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple(
                        "CATAIR_ACTION_CODE",
                        "File line 1: 'X' is not an action code; the 10 record takes A (add) or R (replace) in"
                                + " position 3"));
    }

    @Test
    void aReplacingTransactionIsReadAsAFiling() {
        ReadRecord read = readOne(transactionWithAction("R"));

        assertThat(read).isInstanceOf(ReadRecord.Parsed.class);
    }

    private static String transactionWithAction(String action) {
        String header = header10("ABC", "12345676");
        return lines(
                header.substring(0, 2) + action + header.substring(3),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"));
    }

    @Test
    void anEntryDateThatIsNoMmddyyDateIsReportedInTheTermsOfTheAeRecord() {
        ReadRecord read = readOne(transactionDated("133126", "031026"));

        assertThat(((ReadRecord.Unreadable) read).errors())
                .containsExactly(IntakeError.header(
                        "entryDate",
                        "DATE_FORMAT",
                        "File line 2: the entry date '133126' in record 11 is not a date in the form MMDDYY"));
    }

    @Test
    void aNegativeAmountIsReadWithTheImpliedDecimalsOfItsFieldForValidationToRefuse() {
        ReadRecord read = readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                record("50", 3, "8471300100", 14, "-000052450", 25, "-000001000", 36, "-00000001250", 48, "NO"),
                record("53", 3, "A552801000", 47, "-000001000"),
                record("62", 3, "499", 6, "-000000100"),
                totals90("-00000052450", "-00000000100")));

        SubmittedEntrySummary summary = parsed(read);
        Line line = summary.lines().get(0);
        assertThat(line.dutyAmount()).isEqualTo("-524.50");
        assertThat(line.enteredValue()).isEqualTo("-1000");
        assertThat(line.quantity()).isEqualTo("-12.5");
        assertThat(line.adcvdDeposit()).isEqualTo("-10.00");
        assertThat(line.fees()).containsExactly(new Fee("499", "-1.00"));
        assertThat(summary.totalDuty()).isEqualTo("-524.50");
        assertThat(summary.totalFees()).isEqualTo("-1.00");
    }

    @Test
    void anEstimatedEntryDateAfterTheDayOfReceiptIsRefusedNamingItsSixDigitsAndTheDateTheyReadAs() {
        ReadRecord future = readOne(transactionDated("010170", "010170"));
        ReadRecord onTheDay = readOne(transactionDated("063026", "063026"));

        assertThat(((ReadRecord.Unreadable) future).errors())
                .containsExactly(IntakeError.header(
                        "entryDate",
                        "DATE_IN_FUTURE",
                        "File line 2: the estimated entry date '010170' in record 11 (positions 42-47), MMDDYY in"
                                + " the years 2000 to 2099, reads as 2070-01-01, after 2026-06-30, the business date"
                                + " the transaction is received on; an AE transaction is an entry summary filed on"
                                + " the day it is received, which is never before its entry date"));
        assertThat(parsed(onTheDay).entryDate()).isEqualTo("2026-06-30");
    }

    @Test
    void aTransactionCutOffByTheEndOfAnEnvelopedFileIsUnreadableAndOneBeforeItsTrailersIsRead() {
        String envelope = record("B", 2, "2704", 6, "ABC", 9, "AE");
        String transaction = lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"));

        ReadRecord cut = readOne(lines(envelope) + transaction);
        ReadRecord closed =
                readOne(lines(envelope) + transaction + lines(record("Y", 2, "2704"), record("Z", 2, "ABC")));
        ReadRecord bare = readOne(transaction);

        assertThat(((ReadRecord.Unreadable) cut).errors())
                .extracting(IntakeError::code)
                .containsExactly("CATAIR_MISSING_RECORD");
        assertThat(closed).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(bare).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void aTransactionTheFileEndsInsideAfterAYRecordIsCutShortSinceOnlyTheZClosesTheFileItsARecordOpened() {
        String sender = record("A", 2, "BROKERCO");
        String block = record("B", 2, "2704", 6, "ABC", 9, "AE");
        String complete = lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                totals90("000000000000", "000000000000"));
        // a transaction of two lines, the file cut after the records of the first
        String cut = lines(
                header10("ABC", "76543210"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"));

        List<ReadRecord> afterY =
                readAll(new StringReader(lines(sender, block) + complete + lines(record("Y", 2, "2704")) + cut));
        List<ReadRecord> inBlock = readAll(new StringReader(lines(sender, block) + cut));

        assertThat(afterY).hasSize(2);
        assertThat(afterY.get(0)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(afterY.get(1))
                .isEqualTo(new ReadRecord.Unreadable(
                        2,
                        "ABC76543210",
                        List.of(IntakeError.header(
                                "record Z",
                                "CATAIR_MISSING_RECORD",
                                "File line 9: the file ends inside the transaction that starts here, before the Z"
                                        + " trailer of the file the A record on file line 1 opens; the file was cut"
                                        + " short, and the transaction may have lost lines, as the file may have lost"
                                        + " transactions after it"))));
        assertThat(inBlock)
                .containsExactly(new ReadRecord.Unreadable(
                        1,
                        "ABC76543210",
                        List.of(IntakeError.header(
                                "record Y",
                                "CATAIR_MISSING_RECORD",
                                "File line 3: the file ends inside the transaction that starts here, before the Y"
                                        + " trailer of the block the B record on file line 2 opens and the Z trailer"
                                        + " of the file the A record on file line 1 opens; the file was cut short, and"
                                        + " the transaction may have lost lines, as the file may have lost"
                                        + " transactions after it"))));
    }

    @Test
    void aFileItsARecordOpensThatEndsWithoutItsZIsReportedAsARecordOfItsOwnAfterItsTransactionsWhichAreRead() {
        String transaction = lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                totals90("000000000000", "000000000000"));
        String opened = lines(record("A", 2, "BROKERCO"), record("B", 2, "2704", 6, "ABC", 9, "AE")) + transaction;

        List<ReadRecord> afterY = readWithFileLines(opened + lines(record("Y", 2, "2704", 6, "ABC")));
        List<ReadRecord> afterB = readWithFileLines(
                opened + lines(record("Y", 2, "2704", 6, "ABC"), "", record("B", 2, "2704", 6, "ABC", 9, "AE")));
        List<ReadRecord> closed =
                readWithFileLines(opened + lines(record("Y", 2, "2704", 6, "ABC"), record("Z", 2, "BROKERCO")));
        List<ReadRecord> withoutA = readWithFileLines(
                lines(record("B", 2, "2704", 6, "ABC", 9, "AE")) + transaction + lines(record("Y", 2, "2704")));

        assertThat(afterY).hasSize(2);
        assertThat(afterY.get(0)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(afterY.get(1))
                .isEqualTo(new ReadRecord.Unreadable(
                        2,
                        null,
                        List.of(IntakeError.header(
                                "record Z",
                                "CATAIR_MISSING_RECORD",
                                "File line 1: the file the A record here opens ends after file line 8 without the"
                                        + " Z trailer record that closes it; the file may have been cut short and"
                                        + " transactions after file line 8 lost: those before are read as they stand,"
                                        + " and any that are missing are to be sent again")),
                        1));
        assertThat(afterB).hasSize(2);
        assertThat(((ReadRecord.Unreadable) afterB.get(1)).errors())
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple(
                        "CATAIR_MISSING_RECORD",
                        "File line 1: the file the A record here opens ends after file line 10 without the Z trailer"
                                + " record that closes it; the file may have been cut short and transactions after"
                                + " file line 10 lost: those before are read as they stand, and any that are missing"
                                + " are to be sent again"));
        assertThat(closed).singleElement().isInstanceOf(ReadRecord.Parsed.class);
        assertThat(withoutA).singleElement().isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void aTransactionInABlockForAnotherApplicationThanAeIsRefusedAsCatairEnvelopeNamingTheBRecordAndItsField() {
        List<ReadRecord> records = readAll(new StringReader(lines(
                record("A", 2, "BROKERCO"),
                record("B", 2, "2704", 6, "ABC", 9, "HI"),
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("Y", 2, "2704", 6, "ABC"),
                record("B", 2, "2704", 6, "ABC"),
                header10("ABC", "76543210"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("Y", 2, "2704", 6, "ABC"),
                record("B", 2, "2704", 6, "ABC", 9, "AE"),
                header10("ABC", "00123452"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("Y", 2, "2704", 6, "ABC"),
                record("Z", 2, "BROKERCO"))));

        assertThat(records).hasSize(3);
        assertThat(records.get(0))
                .isEqualTo(new ReadRecord.Unreadable(
                        1,
                        "ABC12345676",
                        List.of(IntakeError.header(
                                "record B",
                                "CATAIR_ENVELOPE",
                                "File line 3: the records that start here stand in the block of the B block control"
                                        + " record on file line 2, whose application identifier (positions 9-10) is"
                                        + " 'HI'; entry summaries are filed in blocks of application AE"))));
        assertThat(((ReadRecord.Unreadable) records.get(1)).errors())
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple(
                        "CATAIR_ENVELOPE",
                        "File line 9: the records that start here stand in the block of the B block control record"
                                + " on file line 8, whose application identifier (positions 9-10) is blank; entry"
                                + " summaries are filed in blocks of application AE"));
        assertThat(records.get(2)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void aTransactionWhoseFilerCodeIsNotItsBlocksIsRefusedAsCatairEnvelopeAndTheOthersOfTheBlockAreRead() {
        List<ReadRecord> records = readAll(new StringReader(lines(
                record("A", 2, "BROKERCO"),
                record("B", 2, "2704", 6, "ABC", 9, "AE"),
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                header10("XYZ", "00123452"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                header10("abc", "76543210"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("Y", 2, "2704", 6, "ABC"),
                record("Z", 2, "BROKERCO"))));

        assertThat(records)
                .extracting(record -> record instanceof ReadRecord.Parsed)
                .containsExactly(true, false, true);
        assertThat(records.get(1))
                .isEqualTo(new ReadRecord.Unreadable(
                        2,
                        "XYZ00123452",
                        List.of(IntakeError.header(
                                "record 10",
                                "CATAIR_ENVELOPE",
                                "File line 7: the filer code 'XYZ' of record 10 (positions 4-6) differs from the filer"
                                        + " code 'ABC' of the B block control record on file line 2 (positions 6-8);"
                                        + " a block holds the transactions of its filer only"))));
    }

    @Test
    void transactionsOutsideAnyBlockAreReadWhateverTheirFilerAsInAFileWithoutAnEnvelope() {
        List<ReadRecord> records = readAll(new StringReader(lines(
                record("A", 2, "BROKERCO"),
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                header10("XYZ", "00123452"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("Z", 2, "BROKERCO"))));

        assertThat(records).hasSize(2).allSatisfy(record -> assertThat(record).isInstanceOf(ReadRecord.Parsed.class));
    }

    @Test
    void everyRecordAfterTheZTrailerIsRefusedAsOutOfOrderNamingTheZ() {
        String transaction = lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                totals90("000000000000", "000000000000"));
        List<ReadRecord> records =
                readAll(new StringReader(lines(record("A", 2, "BROKERCO"), record("B", 2, "2704", 6, "ABC", 9, "AE"))
                        + transaction
                        + lines(record("Y", 2, "2704", 6, "ABC"), record("Z", 2, "BROKERCO"), line40("002"))
                        + transaction.replace("12345676", "76543210")));

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(records.get(1)).isInstanceOfSatisfying(ReadRecord.Unreadable.class, trailing -> {
            assertThat(trailing.position()).isEqualTo(2);
            assertThat(trailing.errors())
                    .extracting(IntakeError::code, IntakeError::message)
                    .containsExactly(tuple(
                            "CATAIR_RECORD_ORDER",
                            "File line 10: record 40 comes after the Z trailer record on file line 9, which ends the"
                                    + " file; nothing after it is read"));
        });
        assertThat(records.get(2))
                .isEqualTo(new ReadRecord.Unreadable(
                        3,
                        "ABC76543210",
                        List.of(IntakeError.header(
                                "record 10",
                                "CATAIR_RECORD_ORDER",
                                "File line 11: record 10 comes after the Z trailer record on file line 9, which ends"
                                        + " the file; nothing after it is read"))));
    }

    @Test
    void anEnvelopeRecordAfterTheZTrailerIsRefusedToo() {
        List<ReadRecord> records = readAll(new StringReader(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("Z", 2, "BROKERCO"),
                record("Z", 2, "BROKERCO"))));

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(((ReadRecord.Unreadable) records.get(1)).errors())
                .extracting(IntakeError::field, IntakeError::code)
                .containsExactly(tuple("record Z", "CATAIR_RECORD_ORDER"));
    }

    @Test
    void anUnknownRecordTypeMakesItsTransactionUnreadable() {
        ReadRecord read = readOne(lines(header10("ABC", "12345676"), header11(), record("77", 3, "WHAT")));

        assertThat(((ReadRecord.Unreadable) read).errors())
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple("CATAIR_UNKNOWN_RECORD", "File line 3: record type '77' is not an AE record"));
    }

    @Test
    void aTransactionWithoutAnElevenRecordIsUnreadable() {
        ReadRecord read = readOne(lines(
                record("B", 2, "2704", 6, "ABC", 9, "AE"),
                header10("ABC", "12345676"),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("Y", 2, "2704")));

        assertThat(read)
                .isEqualTo(new ReadRecord.Unreadable(
                        1,
                        "ABC12345676",
                        List.of(IntakeError.header(
                                "record 11",
                                "CATAIR_MISSING_RECORD",
                                "File line 2: the transaction that starts here has no 11 header content record"))));
    }

    @Test
    void recordsBeforeAnyTenRecordAreReportedAsATransactionOfTheirOwn() {
        List<ReadRecord> records = readAll(new StringReader(lines(
                record("A", 2, "BROKERCO"),
                line40("001"),
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("Z", 2, "BROKERCO"))));

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOf(ReadRecord.Unreadable.class);
        assertThat(((ReadRecord.Unreadable) records.get(0)).errors().get(0).message())
                .isEqualTo("File line 2: record 40 comes before any 10 header control record");
        assertThat(records.get(1).position()).isEqualTo(2);
        assertThat(records.get(1)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void blankNumericFieldsReadAsNull() {
        SubmittedEntrySummary summary = parsed(readOne(lines(
                header10("ABC", "12345676"),
                record("11", 3, "12-3456789AB"),
                record("40", 5, "001", 9, "CN"),
                record("50", 3, "8471300100"),
                record("53", 3, "A552801000"),
                record("90"))));

        Line line = summary.lines().get(0);
        assertThat(summary.entryDate()).isNull();
        assertThat(summary.summaryDate()).isEqualTo(RECEIVED_ON.toString());
        assertThat(summary.totalDuty()).isNull();
        assertThat(summary.totalFees()).isNull();
        assertThat(line.grossWeightKg()).isNull();
        assertThat(line.relatedParty()).isNull();
        assertThat(line.dutyAmount()).isNull();
        assertThat(line.enteredValue()).isNull();
        assertThat(line.quantity()).isNull();
        assertThat(line.unit()).isNull();
        assertThat(line.adcvdDeposit()).isNull();
        assertThat(summary.bondType()).isNull();
    }

    @Test
    void junkInNumericFieldsIsPassedOnAsItsTrimmedTextForValidationToReport() {
        SubmittedEntrySummary summary = parsed(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                record("40", 5, "001", 9, "CN", 42, "   12O0", 56, "Q"),
                record("50", 3, "8471300100", 14, "  12A4", 25, "1,000", 36, "ABC", 48, "NO"),
                record("62", 3, "499", 6, "00000x3300"),
                totals90("0000000012A4", "            "))));

        Line line = summary.lines().get(0);
        assertThat(line.grossWeightKg()).isEqualTo("12O0");
        assertThat(line.relatedParty()).isEqualTo("Q");
        assertThat(line.dutyAmount()).isEqualTo("12A4");
        assertThat(line.enteredValue()).isEqualTo("1,000");
        assertThat(line.quantity()).isEqualTo("ABC");
        assertThat(line.fees()).containsExactly(new Fee("499", "00000x3300"));
        assertThat(summary.totalDuty()).isEqualTo("0000000012A4");
        assertThat(summary.totalFees()).isNull();
    }

    @Test
    void recordsShorterThan80CharactersReadAsPaddedWithSpaces() {
        SubmittedEntrySummary summary = parsed(readOne(lines(
                header10("ABC", "12345676").stripTrailing(),
                header11().stripTrailing(),
                "4000001 CN",
                "508471300100 0000012345 0000125000",
                "62499")));

        Line line = summary.lines().get(0);
        assertThat(line.countryOfOrigin()).isEqualTo("CN");
        assertThat(line.countryOfExport()).isNull();
        assertThat(line.enteredValue()).isEqualTo("125000");
        assertThat(line.quantity()).isNull();
        assertThat(line.fees()).containsExactly(new Fee("499", null));
    }

    @Test
    void feesAreReadPairByPairAndBlankPairsAreIgnored() {
        Line line = onlyLine(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                record("62", 3, "499", 6, "0000043300", 42, "501", 45, "0000015625"),
                record("62", 3, "056", 6, "0000000125"))));

        assertThat(line.fees())
                .containsExactly(new Fee("499", "433.00"), new Fee("501", "156.25"), new Fee("056", "1.25"));
    }

    @Test
    void thePostSummaryCorrectionIndicatorIsTrueOnlyForY() {
        String psc = record("10", 3, "A", 4, "ABC", 9, "12345676", 65, "Y");
        String notPsc = record("10", 3, "A", 4, "ABC", 9, "12345676", 65, "N");

        assertThat(parsed(readOne(lines(psc, header11()))).postSummaryCorrection())
                .isEqualTo("true");
        assertThat(parsed(readOne(lines(notPsc, header11()))).postSummaryCorrection())
                .isEqualTo("false");
    }

    @Test
    void aFileOfBareTransactionsWithCarriageReturnsAndNoEnvelopeIsRead() {
        String text = String.join(
                "\r\n",
                header10("ABC", "12345676"),
                header11(),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"),
                header10("XYZ", "00123452"),
                header11(),
                record("31", 3, "9"));

        List<ReadRecord> records = readAll(new StringReader(text));

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
        assertThat(parsed(records.get(0)).lines()).hasSize(1);
        assertThat(parsed(records.get(1)).entryNumber()).isEqualTo("XYZ00123452");
        assertThat(parsed(records.get(1)).bondType()).isEqualTo("9");
        assertThat(parsed(records.get(1)).lines()).isEmpty();
    }

    @Test
    void skippedRecordTypesLeaveTheSummaryUnchanged() {
        SubmittedEntrySummary summary = parsed(readOne(lines(
                header10("ABC", "12345676"),
                header11(),
                record("20", 3, "MAEU"),
                record("SE13", 5, "CONTACT"),
                line40("001"),
                record("41", 3, "N"),
                record("42", 3, "INV1"),
                record("43", 3, "N123456"),
                tariff50("8471300100", "0000000000", "0000001000"),
                record("60"),
                record("88"),
                record("89"),
                totals90("000000000000", "000000000000"))));

        assertThat(summary.lines()).hasSize(1);
        assertThat(summary.totalDuty()).isEqualTo("0.00");
    }

    @Test
    void twoHundredThousandTransactionsAreReadFromAStreamOneAtATime() {
        int transactions = 200_000;
        String rest = lines(
                header11(),
                line40("001"),
                tariff50("8471300100", "0000012345", "0000125000"),
                record("62", 3, "499", 6, "0000043300"),
                totals90("000000012345", "000000043300"));
        Reader stream = new GeneratedReader(new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < transactions;
            }

            @Override
            public String next() {
                made++;
                return header10("ABC", String.format("%08d", made)) + "\n" + rest;
            }
        });

        int parsed = 0;
        int last = 0;
        try (CatairAeReader reader = new CatairAeReader(stream, RECEIVED_ON)) {
            while (reader.hasNext()) {
                ReadRecord read = reader.next();
                if (read instanceof ReadRecord.Parsed) {
                    parsed++;
                }
                last = read.position();
            }
        }

        assertThat(parsed).isEqualTo(transactions);
        assertThat(last).isEqualTo(transactions);
    }

    @Test
    void aTransactionOfMoreRecordsThanTheMostASummaryNeedsIsUnreadableWithoutBeingHeldAndReadingGoesOn() {
        List<ReadRecord> records = readAll(transactionOfLines(25_000));

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
        assertThat(records.get(0))
                .isEqualTo(new ReadRecord.Unreadable(
                        1,
                        "ABC12345676",
                        List.of(new IntakeError(
                                null,
                                "record 10",
                                "CATAIR_TOO_MANY_RECORDS",
                                "File line 1: the transaction that starts here has 50002 records; a summary is read"
                                        + " from at most 20000 (999 lines of twenty records each)"))));
        assertThat(parsed(records.get(1)).entryNumber()).isEqualTo("ABC76543210");
    }

    @Test
    void aTransactionOfExactlyTheMostRecordsIsRead() {
        int lines = (AeTransaction.MAX_RECORDS - 2) / 2;

        List<ReadRecord> records = readAll(transactionOfLines(lines));

        assertThat(parsed(records.get(0)).lines()).hasSize(lines);
        assertThat(parsed(records.get(1)).entryNumber()).isEqualTo("ABC76543210");
    }

    /** A transaction of a 10, an 11 and a 40 and a 50 record for each line, then a small one; made as it is read. */
    private static Reader transactionOfLines(int lines) {
        String line = lines(line40("001"), tariff50("8471300100", "0000000000", "0000001000"));
        return new GeneratedReader(new Iterator<>() {
            private int made = -1;

            @Override
            public boolean hasNext() {
                return made <= lines;
            }

            @Override
            public String next() {
                made++;
                if (made == 0) {
                    return lines(header10("ABC", "12345676"), header11());
                }
                return made <= lines ? line : lines(header10("ABC", "76543210"), header11(), line);
            }
        });
    }

    @Test
    void eachTransactionStartsOnTheFileLineOfItsFirstRecord() {
        StringWriter text = new StringWriter();
        try (SummaryWriter writer = IntakeFormat.CATAIR_AE.writer(text)) {
            writer.write(SummaryFixtures.twoLineEntry());
            writer.write(SummaryFixtures.twoLineEntry());
        }
        List<String> lines = text.toString().lines().toList();
        List<Long> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("10")) {
                headers.add(i + 1L);
            }
        }

        List<ReadRecord> records = new ArrayList<>();
        try (CatairAeReader reader = new CatairAeReader(new StringReader(text.toString()), RECEIVED_ON)) {
            reader.forEachRemaining(records::add);
        }

        assertThat(headers).hasSize(2);
        assertThat(records).extracting(ReadRecord::fileLine).containsExactlyElementsOf(headers);
    }

    private static List<ReadRecord> readAll(Reader in) {
        return readAll(in, RECEIVED_ON);
    }

    private static List<ReadRecord> readAll(Reader in, LocalDate receivedOn) {
        List<ReadRecord> records = new ArrayList<>();
        try (CatairAeReader reader = new CatairAeReader(in, receivedOn)) {
            // what a record holds, apart from where it starts (eachTransactionStartsOnTheFileLineOfItsFirstRecord)
            reader.forEachRemaining(record -> records.add(record.startingAt(0)));
        }
        return records;
    }

    /** One transaction of one line whose 11 record gives the estimated entry date and the import date, as MMDDYY. */
    private static String transactionDated(String estimatedEntryDate, String importDate) {
        return lines(
                header10("ABC", "12345676"),
                record("11", 3, "12-3456789AB", 42, estimatedEntryDate, 48, importDate),
                line40("001"),
                tariff50("8471300100", "0000000000", "0000001000"));
    }

    /** Every record of a file as read, with the file line each starts on. */
    private static List<ReadRecord> readWithFileLines(String text) {
        List<ReadRecord> records = new ArrayList<>();
        try (CatairAeReader reader = new CatairAeReader(new StringReader(text), RECEIVED_ON)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static ReadRecord readOne(String text) {
        return readOne(new StringReader(text));
    }

    private static ReadRecord readOne(Reader in) {
        return readOne(in, RECEIVED_ON);
    }

    private static ReadRecord readOne(Reader in, LocalDate receivedOn) {
        List<ReadRecord> records = readAll(in, receivedOn);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static SubmittedEntrySummary parsed(ReadRecord read) {
        assertThat(read).isInstanceOf(ReadRecord.Parsed.class);
        return ((ReadRecord.Parsed) read).summary();
    }

    private static Line onlyLine(ReadRecord read) {
        SubmittedEntrySummary summary = parsed(read);
        assertThat(summary.lines()).hasSize(1);
        return summary.lines().get(0);
    }

    /** A reader that makes its text piece by piece as it is read, so that no whole file ever exists. */
    private static final class GeneratedReader extends Reader {
        private final Iterator<String> pieces;
        private String piece = "";
        private int offset;

        GeneratedReader(Iterator<String> pieces) {
            this.pieces = pieces;
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            while (offset == piece.length()) {
                if (!pieces.hasNext()) {
                    return -1;
                }
                piece = pieces.next();
                offset = 0;
            }
            int count = Math.min(len, piece.length() - offset);
            piece.getChars(offset, offset + count, buffer, off);
            offset += count;
            return count;
        }

        @Override
        public void close() {}
    }
}
