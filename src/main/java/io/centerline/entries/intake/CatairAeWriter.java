package io.centerline.entries.intake;

import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.intake.AeLayout.Adcvd53;
import io.centerline.entries.intake.AeLayout.Bond31;
import io.centerline.entries.intake.AeLayout.Description44;
import io.centerline.entries.intake.AeLayout.Envelope;
import io.centerline.entries.intake.AeLayout.Fees62;
import io.centerline.entries.intake.AeLayout.Header10;
import io.centerline.entries.intake.AeLayout.Header11;
import io.centerline.entries.intake.AeLayout.Line40;
import io.centerline.entries.intake.AeLayout.Party47;
import io.centerline.entries.intake.AeLayout.Tariff50;
import io.centerline.entries.intake.AeLayout.Totals90;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes entry summaries as an ABI CATAIR "AE" file of 80-character records, in the layout {@link CatairAeReader}
 * reads, so that a summary written and read back is equal to the original in its canonical text form but for its
 * summary date: AE carries none, and a transaction read back is dated on the day it is received.
 *
 * <p>The file is an A record (sender {@value #SENDER}), then a block for each run of summaries of one filer code: a B
 * record with the port of the run's first summary, the filer code and application "AE", the summaries, and a Y record
 * repeating the B's port and filer (a reader refuses a transaction in the block of another filer). Per summary it
 * writes the records 10, 11 (with the entry date as the import date too: the summary
 * holds no day of arrival, and goods arrive on or before their entry date), 31 (only with a bond type), and per line
 * 40, 44 (with a description), 47 type M (with a manufacturer id), one 50 per additional HTS number with zero value
 * and zero duty (blank when the line gives no duty) followed by the 50 of the classification with the line's whole
 * duty, which the reader reads back as the sum of the duty of the line's 50 records, 53 (with an AD/CVD case number)
 * and 62 (with fees, six to a record);
 * then 90 with the summary's total duty and fees, or the sums over its lines where it gives none. {@link #close()}
 * adds the last block's Y and the Z trailer. The total entered value and the summary date are not written.
 *
 * <p>Canonical forms, as the reader gives them back: entry number of 11 characters without dashes; dates
 * {@code yyyy-MM-dd} (written MMDDYY, years 2000–2099 only); duty, deposits, fees and totals with two decimals
 * ({@code 1234.50}, written in cents); entered values in whole dollars without decimals ({@code 125000}, rounded
 * half-up); quantities without trailing zeros ({@code 12.5}, written in hundredths); gross weight in whole kilograms;
 * line numbers without leading zeros; post-summary correction "true"/"false" (absent reads back as "false"); related
 * party "true"/"false". Descriptions longer than 70 characters and manufacturer ids longer than 15 are cut; any other
 * value that does not fit its field, and any amount that is not a non-negative decimal, is refused with an
 * {@link IllegalArgumentException}.
 */
public final class CatairAeWriter implements SummaryWriter {

    static final String SENDER = "CENTERLN";
    private static final String APPLICATION = "AE";

    private final Writer out;
    private boolean started;
    private String blockPort;
    private String blockFiler;

    public CatairAeWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(SubmittedEntrySummary summary) {
        String entryNumber = entryNumber(summary.entryNumber());
        String filer = entryNumber.substring(0, 3);
        if (!started) {
            emit(new AeRecordBuilder("A").text(Envelope.SENDER, SENDER));
            started = true;
        } else if (!filer.equals(blockFiler)) {
            emit(new AeRecordBuilder("Y").text(Envelope.PORT, blockPort).text(Envelope.FILER, blockFiler));
            blockFiler = null;
        }
        if (blockFiler == null) {
            blockPort = summary.portOfEntry();
            blockFiler = filer;
            emit(new AeRecordBuilder("B")
                    .text(Envelope.PORT, blockPort)
                    .text(Envelope.FILER, blockFiler)
                    .text(Envelope.APPLICATION, APPLICATION));
        }
        emit(new AeRecordBuilder("10")
                .text(Header10.ACTION, "A")
                .text(Header10.FILER, entryNumber.substring(0, 3))
                .text(Header10.ENTRY, entryNumber.substring(3))
                .text(Header10.PORT, summary.portOfEntry())
                .text(Header10.ENTRY_TYPE, summary.entryType())
                .text(Header10.MODE_OF_TRANSPORT, summary.modeOfTransport())
                .text(Header10.POST_SUMMARY_CORRECTION, isTrue(summary.postSummaryCorrection()) ? "Y" : null));
        emit(new AeRecordBuilder("11")
                .text(Header11.IMPORTER, summary.importerNumber())
                .date(Header11.ENTRY_DATE, summary.entryDate())
                .date(Header11.IMPORT_DATE, summary.entryDate()));
        if (summary.bondType() != null) {
            emit(new AeRecordBuilder("31").text(Bond31.TYPE, summary.bondType()));
        }
        List<SubmittedEntrySummary.Line> lines = summary.lines();
        for (int i = 0; i < lines.size(); i++) {
            writeLine(lines.get(i), i + 1);
        }
        emit(new AeRecordBuilder("90")
                .scaled(Totals90.DUTY, totalDuty(summary), 2)
                .scaled(Totals90.FEES, totalFees(summary), 2));
    }

    @Override
    public void close() {
        try (out) {
            if (!started) {
                emit(new AeRecordBuilder("A").text(Envelope.SENDER, SENDER));
            }
            emit(new AeRecordBuilder("Y").text(Envelope.PORT, blockPort).text(Envelope.FILER, blockFiler));
            emit(new AeRecordBuilder("Z").text(Envelope.SENDER, SENDER));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLine(SubmittedEntrySummary.Line line, int index) {
        emit(new AeRecordBuilder("40")
                .scaled(Line40.LINE_ID, line.lineNumber() == null ? String.valueOf(index) : line.lineNumber(), 0)
                .text(Line40.COUNTRY_OF_ORIGIN, line.countryOfOrigin())
                .text(Line40.COUNTRY_OF_EXPORT, line.countryOfExport())
                .scaled(Line40.GROSS_WEIGHT, line.grossWeightKg(), 0)
                .text(Line40.RELATED_PARTY, indicator(line.relatedParty())));
        if (line.description() != null) {
            emit(new AeRecordBuilder("44").truncated(Description44.TEXT, line.description()));
        }
        if (line.manufacturerId() != null) {
            emit(new AeRecordBuilder("47")
                    .text(Party47.TYPE, Party47.MANUFACTURER)
                    .truncated(Party47.IDENTIFIER, line.manufacturerId()));
        }
        for (String additional : line.additionalHtsNumbers()) {
            AeRecordBuilder record = new AeRecordBuilder("50").text(Tariff50.HTS, htsNumber(additional));
            if (line.dutyAmount() != null) {
                record.scaled(Tariff50.DUTY, BigDecimal.ZERO, 2);
            }
            emit(record.scaled(Tariff50.VALUE, BigDecimal.ZERO, 0));
        }
        emit(new AeRecordBuilder("50")
                .text(Tariff50.HTS, htsNumber(line.htsNumber()))
                .scaled(Tariff50.DUTY, line.dutyAmount(), 2)
                .scaled(Tariff50.VALUE, line.enteredValue(), 0)
                .scaled(Tariff50.QUANTITY, line.quantity(), 2)
                .text(Tariff50.UNIT, line.unit()));
        if (line.adcvdCaseNumber() != null) {
            emit(new AeRecordBuilder("53")
                    .text(Adcvd53.CASE_NUMBER, line.adcvdCaseNumber().replace("-", ""))
                    .scaled(Adcvd53.DEPOSIT, line.adcvdDeposit(), 2));
        }
        List<SubmittedEntrySummary.Fee> fees = line.fees();
        for (int first = 0; first < fees.size(); first += Fees62.PAIRS) {
            AeRecordBuilder record = new AeRecordBuilder("62");
            for (int pair = 0; pair < Fees62.PAIRS && first + pair < fees.size(); pair++) {
                SubmittedEntrySummary.Fee fee = fees.get(first + pair);
                record.text(Fees62.classCode(pair), fee.classCode()).scaled(Fees62.amount(pair), fee.amount(), 2);
            }
            emit(record);
        }
    }

    private static String totalDuty(SubmittedEntrySummary summary) {
        if (summary.totalDuty() != null) {
            return summary.totalDuty();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (SubmittedEntrySummary.Line line : summary.lines()) {
            if (line.dutyAmount() != null) {
                total = total.add(AeRecordBuilder.decimal(line.dutyAmount()));
            }
        }
        return total.toPlainString();
    }

    private static String totalFees(SubmittedEntrySummary summary) {
        if (summary.totalFees() != null) {
            return summary.totalFees();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (SubmittedEntrySummary.Line line : summary.lines()) {
            for (SubmittedEntrySummary.Fee fee : line.fees()) {
                if (fee.amount() != null) {
                    total = total.add(AeRecordBuilder.decimal(fee.amount()));
                }
            }
        }
        return total.toPlainString();
    }

    private static String entryNumber(String entryNumber) {
        String normalised =
                entryNumber == null ? "" : entryNumber.trim().replace("-", "").toUpperCase();
        if (normalised.length() != 11) {
            throw new IllegalArgumentException(
                    "An AE transaction needs an 11-character entry number, not '" + entryNumber + "'");
        }
        return normalised;
    }

    private static String htsNumber(String htsNumber) {
        return htsNumber == null ? null : htsNumber.replace(".", "").trim();
    }

    private static String indicator(String flag) {
        if (flag == null) {
            return null;
        }
        return isTrue(flag) ? "Y" : "N";
    }

    private static boolean isTrue(String flag) {
        return flag != null && flag.trim().equalsIgnoreCase("true");
    }

    private void emit(AeRecordBuilder record) {
        try {
            out.write(record.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
