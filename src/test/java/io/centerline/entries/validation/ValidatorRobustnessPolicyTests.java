package io.centerline.entries.validation;

import static io.centerline.entries.validation.SubmittedSummaries.aLaptopLine;
import static io.centerline.entries.validation.SubmittedSummaries.aValidLaptopEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.centerline.entries.validation.SubmittedSummaries.LineBuilder;
import io.centerline.entries.validation.SubmittedSummaries.SummaryBuilder;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Policies report what they find and never throw, whatever mixture of well and badly formed fields arrives. */
class ValidatorRobustnessPolicyTests {

    private static Arbitrary<String> oneOf(String... values) {
        return Arbitraries.of(Arrays.asList(values)).injectNull(0.1);
    }

    @Provide
    Arbitrary<SummaryBuilder> summaries() {
        Arbitrary<LineBuilder> line = Arbitraries.of(
                        "lineNumber",
                        "htsNumber",
                        "countryOfOrigin",
                        "manufacturerId",
                        "enteredValue",
                        "quantity",
                        "unit",
                        "grossWeightKg",
                        "relatedParty",
                        "dutyAmount",
                        "adcvdCaseNumber",
                        "adcvdDeposit",
                        "fees",
                        "additional")
                .list()
                .ofMaxSize(4)
                .flatMap(fields -> {
                    Arbitrary<String> text = oneOf(
                            "",
                            " ",
                            "1",
                            "0",
                            "01",
                            "-1",
                            "1.5",
                            "1000",
                            "x",
                            "8471300100",
                            "9903880300",
                            "0000000000",
                            "VN",
                            "CA",
                            "XO",
                            "VNSAMELE12HAN",
                            "XOMAPLEA99TOR",
                            "CASAM1TOR",
                            "1e5",
                            "125000.00",
                            "100000000000000",
                            "1.23456",
                            "Y",
                            "maybe",
                            "A-570-967-000",
                            "A57",
                            "-0.00",
                            "499");
                    return text.list().ofSize(fields.size()).map(values -> {
                        LineBuilder builder = aLaptopLine();
                        for (int i = 0; i < fields.size(); i++) {
                            set(builder, fields.get(i), values.get(i));
                        }
                        return builder;
                    });
                });
        Arbitrary<String> header = oneOf(
                "",
                " ",
                "ABC-1234567-6",
                "ABC12345670",
                "ABC",
                "01",
                "03",
                "11",
                "99",
                "2704",
                "12-3456789AB",
                "12-3456789OZ",
                "2026-03-02",
                "2026-02-30",
                "2026-07-01",
                "11",
                "8",
                "7",
                "Y",
                "maybe",
                "125000.00",
                "abc",
                "-1");
        return Combinators.combine(line.list().ofMaxSize(3), header.list().ofSize(12))
                .as((lines, h) -> aValidLaptopEntry()
                        .withLines(lines.toArray(LineBuilder[]::new))
                        .withEntryNumber(h.get(0))
                        .withEntryType(h.get(1))
                        .withImporterNumber(h.get(2))
                        .withPortOfEntry(h.get(3))
                        .withEntryDate(h.get(4))
                        .withSummaryDate(h.get(5))
                        .withModeOfTransport(h.get(6))
                        .withBondType(h.get(7))
                        .withPostSummaryCorrection(h.get(8))
                        .withTotalEnteredValue(h.get(9))
                        .withTotalDuty(h.get(10))
                        .withTotalFees(h.get(11)));
    }

    private static void set(LineBuilder line, String field, String value) {
        switch (field) {
            case "lineNumber" -> line.withLineNumber(value);
            case "htsNumber" -> line.withHtsNumber(value);
            case "countryOfOrigin" -> line.withCountryOfOrigin(value);
            case "manufacturerId" -> line.withManufacturerId(value);
            case "enteredValue" -> line.withEnteredValue(value);
            case "quantity" -> line.withQuantity(value);
            case "unit" -> line.withUnit(value);
            case "grossWeightKg" -> line.withGrossWeightKg(value);
            case "relatedParty" -> line.withRelatedParty(value);
            case "dutyAmount" -> line.withDutyAmount(value);
            case "adcvdCaseNumber" -> line.withAdcvdCaseNumber(value);
            case "adcvdDeposit" -> line.withAdcvdDeposit(value);
            case "fees" -> line.withFees(value, value);
            case "additional" -> line.withAdditionalHtsNumbers(value == null ? "null" : value);
            default -> throw new IllegalArgumentException(field);
        }
    }

    @Property(tries = 2000)
    void validationNeverThrowsAndARefusalAlwaysNamesAtLeastOneError(@ForAll("summaries") SummaryBuilder summary) {
        assertThatNoException().isThrownBy(() -> Validations.validate(summary));
        Validation validation = Validations.validate(summary);
        if (validation instanceof Validation.Invalid invalid) {
            assertThat(invalid.errors()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.code()).isNotBlank();
                assertThat(error.field()).isNotBlank();
                assertThat(error.message()).isNotBlank();
            });
        } else {
            Validation.Valid valid = (Validation.Valid) validation;
            assertThat(valid.summary().lines()).isNotEmpty();
        }
    }
}
