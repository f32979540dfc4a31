package io.centerline.entries.validation;

import static io.centerline.entries.validation.SubmittedSummaries.aLaptopLine;
import static io.centerline.entries.validation.SubmittedSummaries.aValidLaptopEntry;
import static io.centerline.entries.validation.SubmittedSummaries.anEntryWithLines;
import static io.centerline.entries.validation.Validations.accepted;
import static io.centerline.entries.validation.Validations.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.centerline.entries.EntryLine;
import io.centerline.entries.EntryNumber;
import io.centerline.entries.EntrySummary;
import io.centerline.entries.IntakeError;
import io.centerline.entries.validation.SubmittedSummaries.SummaryBuilder;
import io.centerline.reference.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntrySummaryValidatorTests {

    private static String fingerprintOf(SummaryBuilder summary) {
        return accepted(summary).summary().fingerprint();
    }

    private static EntrySummary withoutFirstDescription(EntrySummary summary) {
        List<EntryLine> lines = new ArrayList<>(summary.lines());
        EntryLine first = lines.get(0);
        lines.set(
                0,
                new EntryLine(
                        first.lineNumber(),
                        first.htsNumber(),
                        first.additionalHtsNumbers(),
                        first.countryOfOrigin(),
                        first.countryOfExport(),
                        first.manufacturerId(),
                        null,
                        first.enteredValue(),
                        first.quantity(),
                        first.unit(),
                        first.grossWeightKg(),
                        first.relatedParty(),
                        first.duty(),
                        first.adcvdCaseNumber(),
                        first.adcvdDeposit(),
                        first.fees()));
        return new EntrySummary(
                summary.entryNumber(),
                summary.entryType(),
                summary.importerNumber(),
                summary.portOfEntry(),
                summary.entryDate(),
                summary.summaryDate(),
                summary.modeOfTransport(),
                summary.bondType(),
                summary.postSummaryCorrection(),
                lines);
    }

    @Test
    void aValidLaptopEntryIsAcceptedAsDeclaredWithoutWarnings() {
        Validation.Valid valid = accepted(aValidLaptopEntry());

        assertThat(valid.warnings()).isEmpty();
        EntrySummary summary = valid.summary();
        assertThat(summary.entryNumber()).isEqualTo(new EntryNumber("ABC12345676"));
        assertThat(summary.entryType()).isEqualTo("01");
        assertThat(summary.importerNumber().value()).isEqualTo("12-3456789AB");
        assertThat(summary.portOfEntry()).isEqualTo("2704");
        assertThat(summary.entryDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(summary.summaryDate()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(summary.modeOfTransport()).isEqualTo("11");
        assertThat(summary.bondType()).isEqualTo("8");
        assertThat(summary.postSummaryCorrection()).isFalse();
        assertThat(summary.totalEnteredValue()).isEqualTo(Money.usd("125000.00"));
        assertThat(summary.totalDuty()).isEqualTo(Money.usd("0.00"));
        assertThat(summary.declaredFees("499")).isEqualTo(Money.usd("433.00"));
        assertThat(summary.declaredFees("501")).isEqualTo(Money.ZERO);

        assertThat(summary.lines()).hasSize(1);
        EntryLine line = summary.lines().get(0);
        assertThat(line.lineNumber()).isEqualTo(1);
        assertThat(line.htsNumber().value()).isEqualTo("8471300100");
        assertThat(line.additionalHtsNumbers()).isEmpty();
        assertThat(line.countryOfOrigin()).isEqualTo("VN");
        assertThat(line.countryOfExport()).isEqualTo("VN");
        assertThat(line.manufacturerId()).isEqualTo("VNSAMELE12HAN");
        assertThat(line.enteredValue()).isEqualTo(Money.usd("125000.00"));
        assertThat(line.quantity()).isEqualByComparingTo("500");
        assertThat(line.unit()).isEqualTo("NO");
        assertThat(line.grossWeightKg()).isEqualByComparingTo("1200");
        assertThat(line.relatedParty()).isFalse();
        assertThat(line.duty()).isEqualTo(Money.usd("0.00"));
        assertThat(line.adcvdCaseNumber()).isNull();
        assertThat(line.adcvdDeposit()).isNull();
        assertThat(line.fees()).containsExactly(new EntryLine.Fee("499", Money.usd("433.00")));
        assertThat(line.unitValue()).isEqualByComparingTo(new BigDecimal("250.0000"));
    }

    @Test
    void everyErrorIsReportedAtOnceWithItsLineAndField() {
        var errors = errorsOf(aValidLaptopEntry()
                .withEntryNumber("ABC-1234567-0")
                .withPortOfEntry("9999")
                .withSummaryDate("2026-02-30")
                .withTotalDuty("1.00")
                .withLines(
                        aLaptopLine().withLineNumber("2").withCountryOfOrigin("XX"),
                        aLaptopLine()
                                .withLineNumber("1")
                                .withHtsNumber("9903880300")
                                .withUnit(null),
                        aLaptopLine().withLineNumber("x").withRelatedParty("maybe"))
                .withTotalEnteredValue("375000.00")
                .withTotalFees("1299.00"));

        assertThat(errors)
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(
                        tuple(1, "unit", "REQUIRED"),
                        tuple(null, "entryNumber", "ENTRY_NUMBER_CHECK_DIGIT"),
                        tuple(null, "portOfEntry", "PORT_UNKNOWN"),
                        tuple(null, "summaryDate", "DATE_FORMAT"),
                        tuple(3, "lineNumber", "LINE_NUMBER_FORMAT"),
                        tuple(1, "htsNumber", "HTS_CHAPTER"),
                        tuple(2, "countryOfOrigin", "COUNTRY_UNKNOWN"),
                        tuple(3, "relatedParty", "BOOLEAN_FORMAT"),
                        tuple(null, "totalDuty", "TOTALS_MISMATCH"));
    }

    @Test
    void theLinesOfAnAcceptedSummaryAreSortedByLineNumber() {
        EntrySummary summary = accepted(anEntryWithLines(
                        aLaptopLine().withLineNumber("10").withEnteredValue("10.00"),
                        aLaptopLine().withLineNumber("2").withEnteredValue("2.00"),
                        aLaptopLine().withLineNumber("9").withEnteredValue("9.00")))
                .summary();

        assertThat(summary.lines())
                .extracting(EntryLine::lineNumber, line -> line.enteredValue().toString())
                .containsExactly(tuple(2, "2.00"), tuple(9, "9.00"), tuple(10, "10.00"));
    }

    @Test
    void theFingerprintOfASummaryNeverChangesOnceStored() {
        // stored versions carry these hashes: a changed canonical form would turn every resubmission into a conflict
        assertThat(fingerprintOf(aValidLaptopEntry()))
                .isEqualTo("2ff612f6a4b870b6cfbfbe07ac1d28a4f9ca7175793e54f7159783b2a2da7189");
        // a version stored before a description was required keeps its hash: its first line has none
        assertThat(withoutFirstDescription(accepted(anEntryWithLines(
                                        aLaptopLine().withGrossWeightKg(null),
                                        aLaptopLine()
                                                .withLineNumber("2")
                                                .withHtsNumber("7604101000")
                                                .withAdditionalHtsNumbers("9903880301", "9903880302")
                                                .withDescription("ALUMINIUM | BARS \\ RODS\nCUT")
                                                .withFees("499", "12.5", "501", "3")))
                                .summary())
                        .fingerprint())
                .isEqualTo("44ae7f1560cf8e25e89dd8032f84fa49cf9fcd6673b6a3a11a1f6d3bb0fd2bd7");
    }

    @Test
    void theFingerprintIgnoresDashesInTheEntryNumber() {
        assertThat(fingerprintOf(aValidLaptopEntry().withEntryNumber("ABC12345676")))
                .isEqualTo(fingerprintOf(aValidLaptopEntry().withEntryNumber("ABC-1234567-6")));
    }

    @Test
    void theFingerprintIgnoresHowAnAmountIsSpelled() {
        assertThat(fingerprintOf(aValidLaptopEntry()
                        .withLine(l ->
                                l.withEnteredValue("125000").withDutyAmount("0").withFees("499", "433"))))
                .isEqualTo(fingerprintOf(aValidLaptopEntry()));
    }

    @Test
    void theFingerprintIgnoresHowAQuantityIsSpelled() {
        assertThat(fingerprintOf(aValidLaptopEntry()
                        .withLine(l -> l.withQuantity("500.00").withGrossWeightKg("1200.0"))))
                .isEqualTo(fingerprintOf(aValidLaptopEntry()));
    }

    @Test
    void theFingerprintIgnoresHowAFlagIsSpelled() {
        assertThat(fingerprintOf(aValidLaptopEntry().withLine(l -> l.withRelatedParty("Y"))))
                .isEqualTo(fingerprintOf(aValidLaptopEntry().withLine(l -> l.withRelatedParty("true"))));
        assertThat(fingerprintOf(aValidLaptopEntry().withLine(l -> l.withRelatedParty("N"))))
                .isEqualTo(fingerprintOf(aValidLaptopEntry().withLine(l -> l.withRelatedParty("false"))));
    }

    @Test
    void theFingerprintIgnoresThePostSummaryCorrectionFlag() {
        assertThat(fingerprintOf(aValidLaptopEntry().withPostSummaryCorrection("true")))
                .isEqualTo(fingerprintOf(aValidLaptopEntry().withPostSummaryCorrection("false")));
    }

    @Test
    void theFingerprintIgnoresTheOrderTheLinesWereSentIn() {
        SummaryBuilder forward = anEntryWithLines(
                aLaptopLine(), aLaptopLine().withLineNumber("2").withHtsNumber("8471500150"));
        SummaryBuilder backward =
                anEntryWithLines(aLaptopLine().withLineNumber("2").withHtsNumber("8471500150"), aLaptopLine());

        assertThat(fingerprintOf(backward)).isEqualTo(fingerprintOf(forward));
    }

    @Test
    void theFingerprintIgnoresTheDeclaredTotalsWhichOnlyRestateTheLines() {
        assertThat(fingerprintOf(aValidLaptopEntry().withoutTotals())).isEqualTo(fingerprintOf(aValidLaptopEntry()));
    }

    @Test
    void theFingerprintIsAHexSha256() {
        assertThat(fingerprintOf(aValidLaptopEntry())).hasSize(64).matches("[0-9a-f]{64}");
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change(
                        "entry number",
                        s -> s.withEntryNumber(EntryNumber.of("ABC", "1234568").value())),
                change("entry type", s -> s.withEntryType("06")),
                change("importer number", s -> s.withImporterNumber("12-3456789AC")),
                change("port", s -> s.withPortOfEntry("2709")),
                change("entry date", s -> s.withEntryDate("2026-03-03")),
                change("summary date", s -> s.withSummaryDate("2026-03-13")),
                change("mode of transport", s -> s.withModeOfTransport("10")),
                change("bond type", s -> s.withBondType("9")),
                change("no bond type", s -> s.withBondType(null)),
                change("line number", s -> s.withLine(l -> l.withLineNumber("2"))),
                change("HTS number", s -> s.withLine(l -> l.withHtsNumber("8471300150"))),
                change("additional HTS", s -> s.withLine(l -> l.withAdditionalHtsNumbers("9903880300"))),
                change("country of origin", s -> s.withLine(l -> l.withCountryOfOrigin("CN"))),
                change("country of export", s -> s.withLine(l -> l.withCountryOfExport("CN"))),
                change("manufacturer", s -> s.withLine(l -> l.withManufacturerId("VNSAMELE13HAN"))),
                change("description", s -> s.withLine(l -> l.withDescription("Tablets"))),
                change("entered value", s -> s.withoutTotals().withLine(l -> l.withEnteredValue("125000.01"))),
                change("quantity", s -> s.withLine(l -> l.withQuantity("501"))),
                change("unit", s -> s.withLine(l -> l.withUnit("PCS"))),
                change("gross weight", s -> s.withLine(l -> l.withGrossWeightKg("1201"))),
                change("no gross weight", s -> s.withLine(l -> l.withGrossWeightKg(null))),
                change("related party", s -> s.withLine(l -> l.withRelatedParty("true"))),
                change("duty", s -> s.withoutTotals().withLine(l -> l.withDutyAmount("0.01"))),
                change(
                        "AD/CVD case and deposit",
                        s -> s.withEntryType("03")
                                .withLine(
                                        l -> l.withAdcvdCaseNumber("A570967000").withAdcvdDeposit("1.00"))),
                change("fee amount", s -> s.withoutTotals().withLine(l -> l.withFees("499", "433.01"))),
                change("fee class", s -> s.withLine(l -> l.withFees("501", "433.00"))),
                change("extra fee", s -> s.withoutTotals().withLine(l -> l.withFees("499", "433.00", "501", "0.00"))));
    }

    private static Arguments change(String what, UnaryOperator<SummaryBuilder> change) {
        return Arguments.of(what, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void theFingerprintChangesWhenAnyDeclaredValueChanges(String what, UnaryOperator<SummaryBuilder> change) {
        assertThat(fingerprintOf(change.apply(aValidLaptopEntry()))).isNotEqualTo(fingerprintOf(aValidLaptopEntry()));
    }
}
