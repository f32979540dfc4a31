package io.centerline.entries;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An entry summary version as the API returns it, with its totals, fees, warnings, versions and clocks. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EntrySummaryView(
        String entryNumber,
        int version,
        String entryType,
        String importerNumber,
        String center,
        String status,
        LocalDate deemedLiquidationDate,
        String portOfEntry,
        LocalDate entryDate,
        LocalDate summaryDate,
        String modeOfTransport,
        String bondType,
        String filerCode,
        boolean postSummaryCorrection,
        List<Line> lines,
        Totals totals,
        FeesView fees,
        List<Warning> warnings,
        List<VersionView> versions,
        Map<String, LocalDate> clocks,
        Map<String, String> clockRules,
        String submittedBy,
        Instant acceptedAt,
        Risk risk) {

    /**
     * What targeting made of the version: its score from 0 to 1, whether it was selected for review, the reasons in
     * words for the reader, and the model version that took part. {@code status} is {@code PENDING} until scoring has
     * run (it runs just after acceptance), then {@code SCORED}.
     */
    public record Risk(
            String status,
            Double score,
            boolean selected,
            String selection,
            List<String> reasons,
            Integer modelVersion) {

        public static final Risk PENDING =
                new Risk("PENDING", null, false, null, List.of("This entry summary has not been scored yet."), null);
    }

    EntrySummaryView withRisk(Risk risk) {
        return new EntrySummaryView(
                entryNumber,
                version,
                entryType,
                importerNumber,
                center,
                status,
                deemedLiquidationDate,
                portOfEntry,
                entryDate,
                summaryDate,
                modeOfTransport,
                bondType,
                filerCode,
                postSummaryCorrection,
                lines,
                totals,
                fees,
                warnings,
                versions,
                clocks,
                clockRules,
                submittedBy,
                acceptedAt,
                risk);
    }

    /** A line as stored, with the Center its heading belongs to. */
    public record Line(
            int lineNumber,
            String htsNumber,
            List<String> additionalHtsNumbers,
            String countryOfOrigin,
            String countryOfExport,
            String manufacturerId,
            String description,
            BigDecimal enteredValue,
            BigDecimal quantity,
            String unit,
            BigDecimal grossWeightKg,
            boolean relatedParty,
            BigDecimal dutyAmount,
            String adcvdCaseNumber,
            BigDecimal adcvdDeposit,
            List<Map<String, String>> fees,
            String center) {}

    /** Sums over the lines. */
    public record Totals(
            int lineCount,
            BigDecimal enteredValue,
            BigDecimal duty,
            BigDecimal adcvdDeposit,
            BigDecimal declaredFees) {}

    /** Computed fees beside the declared ones. */
    public record FeesView(
            BigDecimal mpf,
            BigDecimal mpfDeclared,
            Integer mpfFiscalYear,
            BigDecimal hmf,
            BigDecimal hmfDeclared,
            BigDecimal total) {}

    /** One stored version of the summary. */
    public record VersionView(
            int version,
            boolean postSummaryCorrection,
            LocalDate summaryDate,
            Instant acceptedAt,
            String submittedBy,
            String intakeBatch) {}
}
