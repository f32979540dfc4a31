package io.centerline.entries;

import io.centerline.reference.EntryType;
import io.centerline.reference.FeeSchedule;
import io.centerline.reference.ModeOfTransport;
import io.centerline.reference.Money;
import io.centerline.reference.ReferenceData;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Computes the merchandise processing fee (on a formal entry ad valorem on entered value, held between the minimum and
 * maximum of the fiscal year of the entry date; on an informal entry filed electronically the flat fee of that year)
 * and the harbor maintenance fee (vessel modes of transport), and warns where the filer's declared fees differ or no
 * schedule was published for the fiscal year.
 */
@Component
class FeeCalculator {

    static final String MPF_CLASS = "499";
    static final String HMF_CLASS = "501";

    private final ReferenceData reference;

    FeeCalculator(ReferenceData reference) {
        this.reference = reference;
    }

    Fees compute(EntrySummary summary, List<Warning> warnings) {
        Money value = summary.totalEnteredValue();
        Money mpfDeclared = summary.declaredFees(MPF_CLASS);
        Money hmfDeclared = summary.declaredFees(HMF_CLASS);
        boolean informal = reference
                .entryType(summary.entryType())
                .map(EntryType::isInformal)
                .orElse(false);
        FeeSchedule schedule = reference.feeSchedule(informal ? "MPF_INFORMAL" : "MPF", summary.entryDate());
        Money mpf = schedule.feeOn(value);
        int scheduleYear = schedule.fiscalYear();
        if (!schedule.published()) {
            String kind = informal ? "informal-entry merchandise processing fee" : "merchandise processing fee";
            String terms = informal
                    ? "the flat fee of $" + schedule.minimum()
                    : "minimum $" + schedule.minimum() + ", maximum $" + schedule.maximum();
            String applied = "the FY" + scheduleYear + " schedule (" + terms + ") was applied.";
            warnings.add(
                    schedule.requestedFiscalYear() > scheduleYear
                            ? new Warning(
                                    null,
                                    "FEE_SCHEDULE_NOT_PUBLISHED",
                                    "No " + kind + " schedule is published for fiscal year "
                                            + schedule.requestedFiscalYear() + "; " + applied)
                            : new Warning(
                                    null,
                                    "FEE_SCHEDULE_NOT_ON_FILE",
                                    "Centerline holds no " + kind + " schedule for fiscal year "
                                            + schedule.requestedFiscalYear() + ", before the earliest on file; "
                                            + applied));
        }
        boolean vessel = reference
                .modeOfTransport(summary.modeOfTransport())
                .map(ModeOfTransport::vessel)
                .orElse(false);
        Money hmf = vessel ? reference.feeSchedule("HMF", summary.entryDate()).feeOn(value) : Money.ZERO;
        if (mpf.compareTo(mpfDeclared) != 0) {
            warnings.add(new Warning(
                    null,
                    "MPF_DIFFERS",
                    "The declared merchandise processing fee $" + mpfDeclared + " differs from the computed $" + mpf
                            + (informal
                                    ? " (the FY" + scheduleYear + " flat fee of an informal entry filed"
                                            + " electronically)."
                                    : " ("
                                            + schedule.ratePercent()
                                                    .stripTrailingZeros()
                                                    .toPlainString() + "% of $" + value + " within the FY"
                                            + scheduleYear + " minimum and maximum).")));
        }
        if (hmf.compareTo(hmfDeclared) != 0) {
            warnings.add(new Warning(
                    null,
                    "HMF_DIFFERS",
                    "The declared harbor maintenance fee $" + hmfDeclared + " differs from the computed $" + hmf
                            + (vessel ? " (0.125% of $" + value + " by vessel)." : " (no HMF off vessel modes).")));
        }
        return new Fees(mpf, mpfDeclared, schedule.requestedFiscalYear(), scheduleYear, hmf, hmfDeclared);
    }
}
