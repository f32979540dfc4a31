package io.centerline.entries;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An entry summary exactly as a filer sent it, before validation: every field is the text received (or null when
 * absent). All intake forms (JSON, NDJSON, CSV, CATAIR AE) read into this shape, and validation turns it into an
 * {@link EntrySummary} or a list of {@link IntakeError}s. The JSON reader takes any scalar for a field, so the schema
 * of a field held as text here gives the JSON type a filer sends: a boolean for the flags, a number for the line
 * number, as in the example of the intake specification.
 */
public record SubmittedEntrySummary(
        String entryNumber,
        String entryType,
        String importerNumber,
        String portOfEntry,
        String entryDate,
        String summaryDate,
        String modeOfTransport,
        String bondType,

        @Schema(
                implementation = Boolean.class,
                description = "Whether the summary is a post-summary correction of one on file; false when left out",
                example = "false")
        String postSummaryCorrection,

        String totalEnteredValue,
        String totalDuty,
        String totalFees,
        List<Line> lines) {

    public SubmittedEntrySummary {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One line item as sent. */
    @Schema(name = "SubmittedLine", description = "A line item as a filer submits it")
    public record Line(
            @Schema(implementation = Integer.class, description = "The line number, 1 to 999", example = "1")
            String lineNumber,

            String htsNumber,
            List<String> additionalHtsNumbers,
            String countryOfOrigin,
            String countryOfExport,
            String manufacturerId,
            String description,
            String enteredValue,
            String quantity,
            String unit,
            String grossWeightKg,

            @Schema(
                    implementation = Boolean.class,
                    description = "Whether buyer and seller are related; required on every line, never taken as"
                            + " false when left out",
                    example = "false")
            String relatedParty,

            String dutyAmount,
            String adcvdCaseNumber,
            String adcvdDeposit,
            List<Fee> fees) {

        public Line {
            additionalHtsNumbers = additionalHtsNumbers == null ? List.of() : List.copyOf(additionalHtsNumbers);
            fees = fees == null ? List.of() : List.copyOf(fees);
        }
    }

    /** A user fee declared on a line: accounting class code (499 MPF, 501 HMF) and amount. */
    @Schema(name = "SubmittedFee", description = "A line's user fee as a filer declares it")
    public record Fee(String classCode, String amount) {}
}
