package io.centerline.entries.validation;

import static io.centerline.entries.validation.SubmittedSummaries.aValidLaptopEntry;
import static io.centerline.entries.validation.Validations.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.entries.IntakeError;
import io.centerline.entries.validation.SubmittedSummaries.SummaryBuilder;
import io.centerline.platform.Shown;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A message echoes a submitted value by one rule, whatever the field: whole up to 40 characters, else its first 40 and
 * an ellipsis, so that a field holding a hundred thousand characters never makes a message of that length.
 */
class EchoedValueLengthPolicyTests {

    private static final int LENGTH = 100_000;

    static Stream<Arguments> fieldsAndTheirLongValues() {
        String letters = "X".repeat(LENGTH);
        String digits = "1".repeat(LENGTH);
        String decimals = "1." + "5".repeat(LENGTH);
        return Stream.of(
                field("entryNumber", letters, SummaryBuilder::withEntryNumber),
                field("entryType", letters, SummaryBuilder::withEntryType),
                field("importerNumber", letters, SummaryBuilder::withImporterNumber),
                field("portOfEntry", letters, SummaryBuilder::withPortOfEntry),
                field("modeOfTransport", letters, SummaryBuilder::withModeOfTransport),
                field("bondType", letters, SummaryBuilder::withBondType),
                field("entryDate", letters, SummaryBuilder::withEntryDate),
                field("summaryDate", letters, SummaryBuilder::withSummaryDate),
                field("postSummaryCorrection", letters, SummaryBuilder::withPostSummaryCorrection),
                field("totalEnteredValue", decimals, SummaryBuilder::withTotalEnteredValue),
                field("totalDuty", letters, SummaryBuilder::withTotalDuty),
                field("totalFees", digits, SummaryBuilder::withTotalFees),
                line("lineNumber", digits, (l, v) -> l.withLineNumber(v)),
                line("htsNumber", letters, (l, v) -> l.withHtsNumber(v)),
                line("additionalHtsNumbers", letters, (l, v) -> l.withAdditionalHtsNumbers(v)),
                line("countryOfOrigin", letters, (l, v) -> l.withCountryOfOrigin(v)),
                line("countryOfExport", letters, (l, v) -> l.withCountryOfExport(v)),
                line("manufacturerId", letters, (l, v) -> l.withManufacturerId(v)),
                line("enteredValue", decimals, (l, v) -> l.withEnteredValue(v)),
                line("quantity", decimals, (l, v) -> l.withQuantity(v)),
                line("unit", letters, (l, v) -> l.withUnit(v)),
                line("grossWeightKg", decimals, (l, v) -> l.withGrossWeightKg(v)),
                line("relatedParty", letters, (l, v) -> l.withRelatedParty(v)),
                line("dutyAmount", "-" + digits, (l, v) -> l.withDutyAmount(v)),
                line("adcvdCaseNumber", letters, (l, v) -> l.withAdcvdCaseNumber(v)),
                line("fees", letters, (l, v) -> l.withFees(v, "1.00")));
    }

    private static Arguments field(String name, String value, BiFunction<SummaryBuilder, String, SummaryBuilder> set) {
        return Arguments.of(name, value, set);
    }

    private static Arguments line(
            String name,
            String value,
            BiFunction<SubmittedSummaries.LineBuilder, String, SubmittedSummaries.LineBuilder> set) {
        BiFunction<SummaryBuilder, String, SummaryBuilder> onLine =
                (summary, v) -> summary.withLine(l -> set.apply(l, v));
        return Arguments.of(name, value, onLine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsAndTheirLongValues")
    void aValueOfAnyLengthIsEchoedInAMessageAsItsFirstFortyCharactersAndAnEllipsis(
            String field, String value, BiFunction<SummaryBuilder, String, SummaryBuilder> set) {
        List<IntakeError> errors = errorsOf(set.apply(aValidLaptopEntry(), value));

        assertThat(errors).filteredOn(e -> e.field().equals(field)).isNotEmpty();
        assertThat(errors)
                .allSatisfy(error -> assertThat(error.message().length())
                        .as(error.code() + ": " + error.message())
                        .isLessThan(600));
        assertThat(errors)
                .filteredOn(e -> e.field().equals(field))
                .anySatisfy(error -> assertThat(error.message()).contains(value.substring(0, 40) + "\u2026"));
    }

    @Test
    void aValueOfFortyCharactersOrFewerIsEchoedWhole() {
        assertThat(Shown.value("  " + "P".repeat(40) + " ")).isEqualTo("P".repeat(40));
        assertThat(Shown.value("P".repeat(41))).isEqualTo("P".repeat(40) + "\u2026");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneCountsAsOneAndIsNeverCutInHalf() {
        String grapes = "\uD83C\uDF47".repeat(50);

        assertThat(Shown.value(grapes)).isEqualTo("\uD83C\uDF47".repeat(40) + "\u2026");
        assertThat(Shown.value("\uD83C\uDF47".repeat(40))).isEqualTo("\uD83C\uDF47".repeat(40));
    }
}
