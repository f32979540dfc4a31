package io.centerline.reference;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * The schedule of an ad valorem user fee for one fiscal year: its rate in percent and, where one applies, its minimum
 * and maximum. {@code published} is false when no schedule was published for the fiscal year asked about and the
 * latest known one stands in for it. Its amounts are written to JSON as decimal strings, as all money in the API is.
 */
public record FeeSchedule(
        String fee,
        int fiscalYear,
        LocalDate effectiveFrom,
        BigDecimal ratePercent,

        @JsonSerialize(using = ToStringSerializer.class) @Schema(type = "string", example = "33.58")
        Money minimum,

        @JsonSerialize(using = ToStringSerializer.class) @Schema(type = "string", example = "651.50")
        Money maximum,

        String source,
        boolean annual,
        int requestedFiscalYear) {

    /**
     * Whether this schedule was published for the fiscal year asked about. An annual schedule (the merchandise
     * processing fee, adjusted each 1 October) stands in for a later fiscal year with no published schedule; a
     * standing rate (the harbor maintenance fee) applies to every year.
     */
    public boolean published() {
        return !annual || fiscalYear == requestedFiscalYear;
    }

    /** The fee on an amount: the rate applied, then held between minimum and maximum where they exist. */
    public Money feeOn(Money value) {
        Money fee = value.percent(ratePercent);
        if (minimum != null) {
            fee = fee.max(minimum);
        }
        if (maximum != null) {
            fee = fee.min(maximum);
        }
        return fee;
    }

    /** The U.S. government fiscal year of a date: it begins on 1 October of the previous calendar year. */
    public static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }
}
