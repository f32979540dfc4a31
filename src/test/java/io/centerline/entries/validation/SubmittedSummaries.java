package io.centerline.entries.validation;

import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Submitted entry summaries for validation tests, each starting from a valid one and changed field by field. */
final class SubmittedSummaries {

    private SubmittedSummaries() {}

    /**
     * One line of 500 laptops from Vietnam worth $125,000.00, duty free, entered at Los Angeles on 2026-03-02 by
     * vessel and summarised on 2026-03-12, with the MPF of $433.00 declared.
     */
    static SummaryBuilder aValidLaptopEntry() {
        return new SummaryBuilder();
    }

    /** The laptop line of {@link #aValidLaptopEntry()}. */
    static LineBuilder aLaptopLine() {
        return new LineBuilder();
    }

    /** A header with the given lines and no declared totals, so that the lines can be changed freely. */
    static SummaryBuilder anEntryWithLines(LineBuilder... lines) {
        return aValidLaptopEntry().withLines(lines).withoutTotals();
    }

    static final class SummaryBuilder {
        private String entryNumber = "ABC-1234567-6";
        private String entryType = "01";
        private String importerNumber = "12-3456789AB";
        private String portOfEntry = "2704";
        private String entryDate = "2026-03-02";
        private String summaryDate = "2026-03-12";
        private String modeOfTransport = "11";
        private String bondType = "8";
        private String postSummaryCorrection = "false";
        private String totalEnteredValue = "125000.00";
        private String totalDuty = "0.00";
        private String totalFees = "433.00";
        private List<LineBuilder> lines = new ArrayList<>(List.of(aLaptopLine()));

        SummaryBuilder withEntryNumber(String value) {
            entryNumber = value;
            return this;
        }

        SummaryBuilder withEntryType(String value) {
            entryType = value;
            return this;
        }

        SummaryBuilder withImporterNumber(String value) {
            importerNumber = value;
            return this;
        }

        SummaryBuilder withPortOfEntry(String value) {
            portOfEntry = value;
            return this;
        }

        SummaryBuilder withEntryDate(String value) {
            entryDate = value;
            return this;
        }

        SummaryBuilder withSummaryDate(String value) {
            summaryDate = value;
            return this;
        }

        SummaryBuilder withModeOfTransport(String value) {
            modeOfTransport = value;
            return this;
        }

        SummaryBuilder withBondType(String value) {
            bondType = value;
            return this;
        }

        SummaryBuilder withPostSummaryCorrection(String value) {
            postSummaryCorrection = value;
            return this;
        }

        SummaryBuilder withTotalEnteredValue(String value) {
            totalEnteredValue = value;
            return this;
        }

        SummaryBuilder withTotalDuty(String value) {
            totalDuty = value;
            return this;
        }

        SummaryBuilder withTotalFees(String value) {
            totalFees = value;
            return this;
        }

        /** No declared totals: the totals check has nothing to compare. */
        SummaryBuilder withoutTotals() {
            totalEnteredValue = null;
            totalDuty = null;
            totalFees = null;
            return this;
        }

        SummaryBuilder withLines(LineBuilder... replacement) {
            lines = new ArrayList<>(Arrays.asList(replacement));
            return this;
        }

        /** Changes the first line. */
        SummaryBuilder withLine(UnaryOperator<LineBuilder> change) {
            lines.set(0, change.apply(lines.get(0)));
            return this;
        }

        SubmittedEntrySummary build() {
            return new SubmittedEntrySummary(
                    entryNumber,
                    entryType,
                    importerNumber,
                    portOfEntry,
                    entryDate,
                    summaryDate,
                    modeOfTransport,
                    bondType,
                    postSummaryCorrection,
                    totalEnteredValue,
                    totalDuty,
                    totalFees,
                    lines.stream().map(LineBuilder::build).toList());
        }
    }

    static final class LineBuilder {
        private String lineNumber = "1";
        private String htsNumber = "8471300100";
        private List<String> additionalHtsNumbers = List.of();
        private String countryOfOrigin = "VN";
        private String countryOfExport = "VN";
        private String manufacturerId = "VNSAMELE12HAN";
        private String description = "Portable laptop computers";
        private String enteredValue = "125000.00";
        private String quantity = "500";
        private String unit = "NO";
        private String grossWeightKg = "1200";
        private String relatedParty = "false";
        private String dutyAmount = "0.00";
        private String adcvdCaseNumber;
        private String adcvdDeposit;
        private List<Fee> fees = List.of(new Fee("499", "433.00"));

        LineBuilder withLineNumber(String value) {
            lineNumber = value;
            return this;
        }

        LineBuilder withHtsNumber(String value) {
            htsNumber = value;
            return this;
        }

        LineBuilder withAdditionalHtsNumbers(String... values) {
            additionalHtsNumbers = List.of(values);
            return this;
        }

        LineBuilder withCountryOfOrigin(String value) {
            countryOfOrigin = value;
            return this;
        }

        LineBuilder withCountryOfExport(String value) {
            countryOfExport = value;
            return this;
        }

        LineBuilder withManufacturerId(String value) {
            manufacturerId = value;
            return this;
        }

        LineBuilder withDescription(String value) {
            description = value;
            return this;
        }

        LineBuilder withEnteredValue(String value) {
            enteredValue = value;
            return this;
        }

        LineBuilder withQuantity(String value) {
            quantity = value;
            return this;
        }

        LineBuilder withUnit(String value) {
            unit = value;
            return this;
        }

        LineBuilder withGrossWeightKg(String value) {
            grossWeightKg = value;
            return this;
        }

        LineBuilder withRelatedParty(String value) {
            relatedParty = value;
            return this;
        }

        LineBuilder withDutyAmount(String value) {
            dutyAmount = value;
            return this;
        }

        LineBuilder withAdcvdCaseNumber(String value) {
            adcvdCaseNumber = value;
            return this;
        }

        LineBuilder withAdcvdDeposit(String value) {
            adcvdDeposit = value;
            return this;
        }

        /** Fees as alternating class code and amount: {@code withFees("499", "433.00", "501", "156.25")}. */
        LineBuilder withFees(String... classCodesAndAmounts) {
            List<Fee> list = new ArrayList<>();
            for (int i = 0; i < classCodesAndAmounts.length; i += 2) {
                list.add(new Fee(classCodesAndAmounts[i], classCodesAndAmounts[i + 1]));
            }
            fees = list;
            return this;
        }

        /** Every field the line must carry left out. */
        LineBuilder withNothingRequired() {
            lineNumber = null;
            htsNumber = null;
            countryOfOrigin = null;
            countryOfExport = null;
            manufacturerId = null;
            enteredValue = null;
            quantity = null;
            unit = null;
            dutyAmount = null;
            return this;
        }

        Line build() {
            return new Line(
                    lineNumber,
                    htsNumber,
                    additionalHtsNumbers,
                    countryOfOrigin,
                    countryOfExport,
                    manufacturerId,
                    description,
                    enteredValue,
                    quantity,
                    unit,
                    grossWeightKg,
                    relatedParty,
                    dutyAmount,
                    adcvdCaseNumber,
                    adcvdDeposit,
                    fees);
        }
    }
}
