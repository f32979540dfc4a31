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
        Instant acceptedAt) {

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
            int version, boolean postSummaryCorrection, Instant acceptedAt, String submittedBy, String intakeBatch) {}
}
