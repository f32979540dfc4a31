package io.centerline.entries;

import io.centerline.reference.HtsNumber;
import io.centerline.reference.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** A validated line item of an entry summary. */
public record EntryLine(
        int lineNumber,
        HtsNumber htsNumber,
        List<HtsNumber> additionalHtsNumbers,
        String countryOfOrigin,
        String countryOfExport,
        String manufacturerId,
        String description,
        Money enteredValue,
        BigDecimal quantity,
        String unit,
        BigDecimal grossWeightKg,
        boolean relatedParty,
        Money duty,
        String adcvdCaseNumber,
        Money adcvdDeposit,
        List<Fee> fees) {

    public EntryLine {
        additionalHtsNumbers = List.copyOf(additionalHtsNumbers);
        fees = List.copyOf(fees);
    }

    /** A user fee declared on the line under an accounting class code. */
    public record Fee(String classCode, Money amount) {}

    /** Value per unit of quantity, or null when the quantity is zero. */
    public BigDecimal unitValue() {
        return quantity.signum() == 0
                ? null
                : enteredValue.amount().divide(quantity, 4, java.math.RoundingMode.HALF_UP);
    }

    String canonical() {
        return lineNumber + "|" + htsNumber + "|"
                + additionalHtsNumbers.stream().map(HtsNumber::value).collect(Collectors.joining(",")) + "|"
                + countryOfOrigin + "|" + countryOfExport + "|" + manufacturerId + "|" + escaped(description) + "|"
                + enteredValue + "|" + plain(quantity) + "|" + unit + "|" + plain(grossWeightKg) + "|" + relatedParty
                + "|" + duty + "|" + adcvdCaseNumber + "|" + adcvdDeposit + "|"
                + fees.stream().map(f -> f.classCode() + "=" + f.amount()).collect(Collectors.joining(","));
    }

    /** Free text with the separators of the canonical form escaped, so no description can imitate another field. */
    private static String escaped(String text) {
        return text == null
                ? "\\0"
                : text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
