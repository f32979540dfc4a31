package io.centerline.entries.validation;

import static io.centerline.entries.validation.SubmittedSummaries.aValidLaptopEntry;
import static io.centerline.entries.validation.Validations.accepted;
import static io.centerline.entries.validation.Validations.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.centerline.entries.IntakeError;
import io.centerline.reference.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderPolicyTests {

    @Test
    void everyMissingHeaderFieldIsReportedAsRequired() {
        List<IntakeError> errors = errorsOf(aValidLaptopEntry()
                .withEntryNumber(null)
                .withEntryType("")
                .withImporterNumber("  ")
                .withPortOfEntry(null)
                .withEntryDate(null)
                .withSummaryDate("")
                .withModeOfTransport(null));

        assertThat(errors)
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(
                        tuple(null, "entryNumber", "REQUIRED"),
                        tuple(null, "entryType", "REQUIRED"),
                        tuple(null, "importerNumber", "REQUIRED"),
                        tuple(null, "portOfEntry", "REQUIRED"),
                        tuple(null, "entryDate", "REQUIRED"),
                        tuple(null, "summaryDate", "REQUIRED"),
                        tuple(null, "modeOfTransport", "REQUIRED"));
        assertThat(errors.get(0).message()).isEqualTo("The entryNumber is missing.");
    }

    @Test
    void aSummaryWithoutLinesIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withLines().withoutTotals()))
                .containsExactly(
                        IntakeError.header("lines", "NO_LINES", "An entry summary needs at least one line item."));
    }

    @Test
    void anEntryNumberOfTheWrongShapeIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withEntryNumber("ABC-123456-6")))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(null, "entryNumber", "ENTRY_NUMBER_FORMAT"));
    }

    @Test
    void anEntryNumberWithAWrongCheckDigitIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withEntryNumber("ABC-1234567-7")))
                .containsExactly(IntakeError.header(
                        "entryNumber",
                        "ENTRY_NUMBER_CHECK_DIGIT",
                        "The check digit of entry number ABC-1234567-7 should be 6."));
    }

    @Test
    void anUnknownEntryTypeIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withEntryType("02")))
                .containsExactly(IntakeError.header(
                        "entryType",
                        "ENTRY_TYPE_UNKNOWN",
                        "Entry type '02' is not a known entry type code (01, 03, 11, ...)."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"26", "41", "62"})
    void anEntryTypeThatIsNotFiledOnAnEntrySummaryIsRefused(String type) {
        assertThat(errorsOf(aValidLaptopEntry().withEntryType(type)))
                .extracting(IntakeError::field, IntakeError::code)
                .containsExactly(tuple("entryType", "ENTRY_TYPE_NOT_A_SUMMARY"));
    }

    @Test
    void theRefusalOfATypeNotFiledOnAnEntrySummaryNamesTheTypeAndSaysItIsNoSummary() {
        assertThat(errorsOf(aValidLaptopEntry().withEntryType(" 26 ")))
                .containsExactly(IntakeError.header(
                        "entryType",
                        "ENTRY_TYPE_NOT_A_SUMMARY",
                        "Entry type 26 (Warehouse - foreign trade zone admission) is not filed as an entry summary:"
                                + " it is filed with CBP on a form of its own, not on CBP Form 7501, and Centerline"
                                + " takes entry summaries only. Give the type of the entry the summary is for, such as"
                                + " 01 (consumption), 06 (foreign-trade zone consumption) or 31 (warehouse withdrawal"
                                + " for consumption)."));
    }

    @Test
    void anInformalEntryOfType11IsAccepted() {
        assertThat(accepted(anInformalEntryOf("2026-03-02", "1000.00").withEntryType(" 11 "))
                        .summary()
                        .entryType())
                .isEqualTo("11");
    }

    @Test
    void anUnknownPortIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withPortOfEntry(" 9999 ")))
                .containsExactly(IntakeError.header(
                        "portOfEntry", "PORT_UNKNOWN", "Port of entry '9999' is not a known 4-digit U.S. port code."));
    }

    @Test
    void anUnknownModeOfTransportIsRefusedNamingTheVesselModesAsTheHarborFeeChargesThem() {
        assertThat(errorsOf(aValidLaptopEntry().withModeOfTransport("99")))
                .containsExactly(IntakeError.header(
                        "modeOfTransport",
                        "MODE_OF_TRANSPORT_UNKNOWN",
                        "Mode of transport '99' is not a known code (10, 11 and 12 vessel, 12 being border"
                                + " water-borne; 20/21 rail, 30/31 truck, 40/41 air, ...)."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "7", "88", "X"})
    void aBondTypeOtherThan0Or8Or9IsRefused(String bondType) {
        assertThat(errorsOf(aValidLaptopEntry().withBondType(bondType)))
                .containsExactly(IntakeError.header(
                        "bondType",
                        "BOND_TYPE_UNKNOWN",
                        "Bond type '" + bondType
                                + "' is none of 0 (no bond), 8 (continuous) or 9 (single transaction)."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "8", "9", " 9 "})
    void bondTypes0And8And9AreAccepted(String bondType) {
        assertThat(accepted(aValidLaptopEntry().withBondType(bondType))
                        .summary()
                        .bondType())
                .isEqualTo(bondType.trim());
    }

    @Test
    void aMissingBondTypeIsAcceptedAsNone() {
        assertThat(accepted(aValidLaptopEntry().withBondType(" ")).summary().bondType())
                .isNull();
    }

    @Test
    void anImporterNumberOfNoKnownFormIsRefusedWithTheReason() {
        assertThat(errorsOf(aValidLaptopEntry().withImporterNumber("12-3456789OZ")))
                .containsExactly(IntakeError.header(
                        "importerNumber",
                        "IMPORTER_NUMBER_FORMAT",
                        "The suffix of importer number '12-3456789OZ' may not use the letters O, I or Z."));
        assertThat(errorsOf(aValidLaptopEntry().withImporterNumber("123456789AB")))
                .extracting(IntakeError::code, IntakeError::message)
                .containsExactly(tuple(
                        "IMPORTER_NUMBER_FORMAT",
                        "Importer number '123456789AB' needs its dash: NN-NNNNNNNXX for an employer number and"
                                + " suffix."));
    }

    @Test
    void socialSecurityAndCbpAssignedImporterNumbersAreAccepted() {
        assertThat(accepted(aValidLaptopEntry().withImporterNumber("123-45-6789"))
                        .summary()
                        .importerNumber()
                        .value())
                .isEqualTo("123-45-6789");
        assertThat(accepted(aValidLaptopEntry().withImporterNumber("262704-00001"))
                        .summary()
                        .importerNumber()
                        .value())
                .isEqualTo("262704-00001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026/03/02", "02-03-2026", "2026-3-2", "2026-13-01", "yesterday"})
    void anEntryDateThatIsNoCalendarDateIsRefused(String text) {
        assertThat(errorsOf(aValidLaptopEntry().withEntryDate(text)))
                .containsExactly(IntakeError.header(
                        "entryDate",
                        "DATE_FORMAT",
                        "The entryDate '" + text + "' is not a calendar date in the form YYYY-MM-DD."));
    }

    @Test
    void aSummaryDateOfThirtiethFebruaryIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withSummaryDate("2026-02-30")))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(null, "summaryDate", "DATE_FORMAT"));
    }

    @Test
    void aDateAfterTheBusinessDateIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withEntryDate("2026-07-01").withSummaryDate("2026-07-02")))
                .containsExactly(
                        IntakeError.header(
                                "entryDate",
                                "DATE_IN_FUTURE",
                                "The entryDate 2026-07-01 lies after today's business date 2026-06-30."),
                        IntakeError.header(
                                "summaryDate",
                                "DATE_IN_FUTURE",
                                "The summaryDate 2026-07-02 lies after today's business date 2026-06-30."));
    }

    @Test
    void aSummaryDatedOnTheBusinessDateIsAccepted() {
        assertThat(accepted(aValidLaptopEntry().withSummaryDate("2026-06-30"))
                        .summary()
                        .summaryDate())
                .isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void anEntryDatedBeforeTheStatutoryPeriodsOnFileIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withEntryDate("2011-09-21").withSummaryDate("2011-09-30")))
                .containsExactly(IntakeError.header(
                        "entryDate",
                        "ENTRY_DATE_TOO_EARLY",
                        "The entry date 2011-09-21 lies before 2011-09-22, the earliest entry date whose statutory"
                                + " clocks Centerline holds the periods for; an entry that old was liquidated long"
                                + " ago."));
    }

    @Test
    void anEntryDatedOnTheFirstDayOfTheStatutoryPeriodsOnFileIsAccepted() {
        assertThat(accepted(aValidLaptopEntry().withEntryDate("2011-09-22").withSummaryDate("2011-09-30"))
                        .summary()
                        .entryDate())
                .isEqualTo(TestCodes.CLOCKS_FROM);
    }

    @Test
    void aSummaryDatedBeforeItsEntryIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withSummaryDate("2026-03-01")))
                .containsExactly(IntakeError.header(
                        "summaryDate",
                        "SUMMARY_BEFORE_ENTRY",
                        "The summary date 2026-03-01 is before the entry date 2026-03-02."));
    }

    @Test
    void aSummaryDatedOnItsEntryDateIsAccepted() {
        assertThat(accepted(aValidLaptopEntry().withSummaryDate("2026-03-02"))
                        .summary()
                        .summaryDate())
                .isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "T"})
    void aPostSummaryCorrectionFlagOtherThanTrueFalseYOrNIsRefused(String flag) {
        assertThat(errorsOf(aValidLaptopEntry().withPostSummaryCorrection(flag)))
                .containsExactly(IntakeError.header(
                        "postSummaryCorrection",
                        "BOOLEAN_FORMAT",
                        "postSummaryCorrection '" + flag + "' must be true or false (or Y or N)."));
    }

    @Test
    void aPostSummaryCorrectionFlagMayBeYOrTrueInAnyCaseAndIsFalseWhenAbsent() {
        assertThat(accepted(aValidLaptopEntry().withPostSummaryCorrection("y"))
                        .summary()
                        .postSummaryCorrection())
                .isTrue();
        assertThat(accepted(aValidLaptopEntry().withPostSummaryCorrection("TRUE"))
                        .summary()
                        .postSummaryCorrection())
                .isTrue();
        assertThat(accepted(aValidLaptopEntry().withPostSummaryCorrection("N"))
                        .summary()
                        .postSummaryCorrection())
                .isFalse();
        assertThat(accepted(aValidLaptopEntry().withPostSummaryCorrection(null))
                        .summary()
                        .postSummaryCorrection())
                .isFalse();
    }

    @Test
    void aDeclaredTotalEnteredValueOtherThanTheSumOfTheLinesIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withTotalEnteredValue("124999.99")))
                .containsExactly(IntakeError.header(
                        "totalEnteredValue",
                        "TOTALS_MISMATCH",
                        "The declared total entered value 124999.99 differs from the sum of the lines 125000.00."));
    }

    @Test
    void aDeclaredTotalDutyOtherThanTheSumOfTheLinesIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withTotalDuty("10.00")))
                .containsExactly(IntakeError.header(
                        "totalDuty",
                        "TOTALS_MISMATCH",
                        "The declared total duty 10.00 differs from the sum of the lines 0.00."));
    }

    @Test
    void aDeclaredTotalOfFeesOtherThanTheSumOfTheLineFeesIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withTotalFees("589.25")))
                .containsExactly(IntakeError.header(
                        "totalFees",
                        "TOTALS_MISMATCH",
                        "The declared total fees 589.25 differ from the sum of the line fees 433.00."));
    }

    @Test
    void totalsAreComparedByAmountNotBySpelling() {
        accepted(aValidLaptopEntry()
                .withTotalEnteredValue("125000")
                .withTotalDuty("0")
                .withTotalFees("433.0"));
    }

    @Test
    void aSummaryWithoutDeclaredTotalsIsAcceptedWithTheSumsOfItsLinesAsItsTotals() {
        var summary = accepted(aValidLaptopEntry()
                        .withTotalEnteredValue(null)
                        .withTotalDuty(null)
                        .withTotalFees(null))
                .summary();

        assertThat(summary.totalEnteredValue()).isEqualTo(Money.usd("125000.00"));
        assertThat(summary.totalDuty()).isEqualTo(Money.usd("0.00"));
    }

    @Test
    void totalsAddUpEveryLine() {
        accepted(aValidLaptopEntry()
                .withLines(
                        SubmittedSummaries.aLaptopLine()
                                .withEnteredValue("100000.00")
                                .withFees("499", "346.40"),
                        SubmittedSummaries.aLaptopLine()
                                .withLineNumber("2")
                                .withEnteredValue("25000.00")
                                .withDutyAmount("12.50")
                                .withFees("499", "86.60", "501", "31.25"))
                .withTotalDuty("12.50")
                .withTotalFees("464.25"));
    }

    @Test
    void aMalformedDeclaredTotalIsAnAmountFormatErrorNotAMismatch() {
        assertThat(errorsOf(aValidLaptopEntry().withTotalEnteredValue("125,000.00")))
                .containsExactly(IntakeError.header(
                        "totalEnteredValue",
                        "AMOUNT_FORMAT",
                        "The totalEnteredValue '125,000.00' is not a decimal amount."));
    }

    private static SubmittedSummaries.SummaryBuilder anInformalEntryOf(String entryDate, String... lineValues) {
        SubmittedSummaries.LineBuilder[] lines = new SubmittedSummaries.LineBuilder[lineValues.length];
        for (int i = 0; i < lineValues.length; i++) {
            lines[i] = SubmittedSummaries.aLaptopLine()
                    .withLineNumber(String.valueOf(i + 1))
                    .withEnteredValue(lineValues[i])
                    .withQuantity("1");
        }
        return SubmittedSummaries.anEntryWithLines(lines)
                .withEntryType("11")
                .withEntryDate(entryDate)
                .withSummaryDate(entryDate);
    }

    @Test
    void anInformalEntryValuedAboveTheLimitInForceOnItsEntryDateIsRefusedWithTheLimitAndItsSource() {
        List<IntakeError> errors = errorsOf(anInformalEntryOf("2026-03-02", "1800.00", "700.01"));

        assertThat(errors)
                .containsExactly(IntakeError.header(
                        "entryType",
                        "INFORMAL_ENTRY_OVER_LIMIT",
                        "Entry type 11 (Informal - free and dutiable) is for a shipment valued at no more than"
                                + " $2,500.00 on its entry date 2026-03-02 (19 CFR 143.21(a)); this summary's lines are"
                                + " valued at $2,500.01: enter the shipment formally (type 01, or the formal type its"
                                + " goods call for)."));
    }

    @Test
    void anInformalEntryValuedAtTheLimitIsAccepted() {
        assertThat(accepted(anInformalEntryOf("2026-03-02", "1800.00", "700.00")))
                .isNotNull();
    }

    @Test
    void anInformalEntryIsHeldToTheLimitInForceOnItsEntryDateNotToday() {
        assertThat(accepted(anInformalEntryOf("2012-06-01", "3100.00"))).isNotNull();
        assertThat(errorsOf(anInformalEntryOf("2013-01-07", "3100.00")))
                .extracting(IntakeError::code)
                .containsExactly("INFORMAL_ENTRY_OVER_LIMIT");
    }

    @Test
    void aFormalEntryIsNotHeldToTheInformalEntryLimit() {
        assertThat(accepted(anInformalEntryOf("2026-03-02", "125000.00").withEntryType("01")))
                .isNotNull();
    }
}
