package io.centerline.entries.validation;

import io.centerline.accounts.ImporterNumber;
import io.centerline.entries.EntryLine;
import io.centerline.entries.EntryNumber;
import io.centerline.entries.EntrySummary;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Line;
import io.centerline.reference.HtsNumber;
import io.centerline.reference.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every {@link SummaryPolicy} on a submission and, when none finds an error, builds the validated
 * {@link EntrySummary}. Pure: the code lists and the business date come in, nothing is stored.
 */
public final class EntrySummaryValidator {

    private final KnownCodes codes;

    public EntrySummaryValidator(KnownCodes codes) {
        this.codes = codes;
    }

    public Validation validate(SubmittedEntrySummary submitted, LocalDate businessDate) {
        Findings findings = new Findings();
        int[] labels = new int[submitted.lines().size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = SummaryPolicies.lineLabel(submitted.lines(), i);
        }
        SummaryPolicy.Context context = new SummaryPolicy.Context(codes, businessDate, labels);
        for (SummaryPolicy policy : SummaryPolicies.ALL) {
            policy.check(submitted, context, findings);
        }
        if (!findings.errors.isEmpty()) {
            return new Validation.Invalid(List.copyOf(findings.errors));
        }
        return new Validation.Valid(build(submitted), List.copyOf(findings.warnings));
    }

    private static EntrySummary build(SubmittedEntrySummary s) {
        List<EntryLine> lines = new ArrayList<>(s.lines().size());
        for (Line line : s.lines()) {
            lines.add(line(line));
        }
        lines.sort(Comparator.comparingInt(EntryLine::lineNumber));
        return new EntrySummary(
                EntryNumber.parse(s.entryNumber()),
                s.entryType().trim(),
                ImporterNumber.parse(s.importerNumber()),
                s.portOfEntry().trim(),
                Fields.date(s.entryDate()).orElseThrow(),
                Fields.date(s.summaryDate()).orElseThrow(),
                s.modeOfTransport().trim(),
                Fields.isBlank(s.bondType()) ? null : s.bondType().trim(),
                Fields.flag(s.postSummaryCorrection()).orElseThrow(),
                lines);
    }

    private static EntryLine line(Line line) {
        List<HtsNumber> additional = new ArrayList<>(line.additionalHtsNumbers().size());
        for (String number : line.additionalHtsNumbers()) {
            additional.add(HtsNumber.parse(number));
        }
        List<EntryLine.Fee> fees = new ArrayList<>(line.fees().size());
        for (SubmittedEntrySummary.Fee fee : line.fees()) {
            fees.add(new EntryLine.Fee(fee.classCode().trim(), money(fee.amount())));
        }
        return new EntryLine(
                Fields.lineNumberOrZero(line.lineNumber()),
                HtsNumber.parse(line.htsNumber()),
                additional,
                Fields.upper(line.countryOfOrigin()),
                Fields.upper(line.countryOfExport()),
                Fields.upper(line.manufacturerId()),
                Fields.trimmed(line.description()),
                money(line.enteredValue()),
                new BigDecimal(line.quantity().trim()),
                Fields.upper(line.unit()),
                Fields.isBlank(line.grossWeightKg())
                        ? null
                        : new BigDecimal(line.grossWeightKg().trim()),
                Fields.flag(line.relatedParty()).orElseThrow(),
                money(line.dutyAmount()),
                Fields.isBlank(line.adcvdCaseNumber())
                        ? null
                        : SummaryPolicies.AdcvdCases.normalise(line.adcvdCaseNumber()),
                Fields.isBlank(line.adcvdDeposit()) ? null : money(line.adcvdDeposit()),
                fees);
    }

    private static Money money(String text) {
        return Money.usd(text.trim());
    }
}
