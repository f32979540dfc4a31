package io.centerline.entries;

import io.centerline.accounts.ImporterNumber;
import io.centerline.reference.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A validated entry summary: every field parsed, every policy passed. Its {@link #fingerprint()} is the same for two
 * submissions that say the same thing in different spellings (dashes in the entry number, {@code 125000} or
 * {@code 125000.00}), which is what makes resubmission idempotent.
 */
public record EntrySummary(
        EntryNumber entryNumber,
        String entryType,
        ImporterNumber importerNumber,
        String portOfEntry,
        LocalDate entryDate,
        LocalDate summaryDate,
        String modeOfTransport,
        String bondType,
        boolean postSummaryCorrection,
        List<EntryLine> lines) {

    public EntrySummary {
        lines = List.copyOf(lines);
    }

    public Money totalEnteredValue() {
        return total(EntryLine::enteredValue);
    }

    public Money totalDuty() {
        return total(EntryLine::duty);
    }

    public Money totalAdcvdDeposit() {
        return total(EntryLine::adcvdDeposit);
    }

    /** The sum of one amount over the lines, an absent amount counting as nothing. */
    private Money total(Function<EntryLine, Money> amount) {
        Money total = Money.ZERO;
        for (EntryLine line : lines) {
            Money value = amount.apply(line);
            if (value != null) {
                total = total.plus(value);
            }
        }
        return total;
    }

    /** The same summary dated another day. */
    public EntrySummary withSummaryDate(LocalDate date) {
        return new EntrySummary(
                entryNumber,
                entryType,
                importerNumber,
                portOfEntry,
                entryDate,
                date,
                modeOfTransport,
                bondType,
                postSummaryCorrection,
                lines);
    }

    /** Whether any line declares an AD/CVD case number, which for some entry types suspends liquidation. */
    public boolean declaresAdcvdCase() {
        for (EntryLine line : lines) {
            if (line.adcvdCaseNumber() != null) {
                return true;
            }
        }
        return false;
    }

    /** The fees declared on the lines under one accounting class code (499 MPF, 501 HMF). */
    public Money declaredFees(String classCode) {
        return feesDeclared(classCode);
    }

    public Money declaredFees() {
        return feesDeclared(null);
    }

    /** The fees of the lines under a class code, or under every code for null (a loop: intake asks for each summary). */
    private Money feesDeclared(String classCode) {
        Money total = Money.ZERO;
        for (EntryLine line : lines) {
            for (EntryLine.Fee fee : line.fees()) {
                if (classCode == null || fee.classCode().equals(classCode)) {
                    total = total.plus(fee.amount());
                }
            }
        }
        return total;
    }

    /**
     * A SHA-256 over the canonical form of everything the summary declares except the post-summary-correction flag,
     * so that resending a summary, flagged or not, is recognised as the same.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder(256 + 160 * lines.size());
        canonical
                .append(entryNumber)
                .append('|')
                .append(entryType)
                .append('|')
                .append(importerNumber.value())
                .append('|')
                .append(portOfEntry)
                .append('|')
                .append(entryDate)
                .append('|')
                .append(summaryDate)
                .append('|')
                .append(modeOfTransport)
                .append('|')
                .append(bondType);
        for (EntryLine line : lines) {
            canonical.append('\n');
            line.appendCanonical(canonical);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
