package io.centerline.entries;

import io.centerline.reference.HtsNumber;
import io.centerline.reference.Money;
import java.math.BigDecimal;
import java.util.List;

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

    /**
     * Appends the line's canonical form, the part of {@link EntrySummary#fingerprint()} that is the line's: its
     * fields in declaration order separated by {@code |}, additional numbers and fees separated by {@code ,}, absent
     * amounts and case numbers as {@code null}. Stored fingerprints depend on it, so it must never change.
     */
    void appendCanonical(StringBuilder out) {
        out.append(lineNumber).append('|').append(htsNumber.value()).append('|');
        for (int i = 0; i < additionalHtsNumbers.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(additionalHtsNumbers.get(i).value());
        }
        out.append('|')
                .append(countryOfOrigin)
                .append('|')
                .append(countryOfExport)
                .append('|')
                .append(manufacturerId)
                .append('|')
                .append(escaped(description))
                .append('|')
                .append(enteredValue)
                .append('|')
                .append(plain(quantity))
                .append('|')
                .append(unit)
                .append('|')
                .append(plain(grossWeightKg))
                .append('|')
                .append(relatedParty)
                .append('|')
                .append(duty)
                .append('|')
                .append(adcvdCaseNumber)
                .append('|')
                .append(adcvdDeposit)
                .append('|');
        for (int i = 0; i < fees.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(fees.get(i).classCode()).append('=').append(fees.get(i).amount());
        }
    }

    /** Free text with the separators of the canonical form escaped, so no description can imitate another field. */
    private static String escaped(String text) {
        if (text == null) {
            return "\\0";
        }
        if (text.indexOf('\\') < 0 && text.indexOf('|') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
