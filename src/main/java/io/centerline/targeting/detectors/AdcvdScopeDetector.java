package io.centerline.targeting.detectors;

import io.centerline.reference.AdcvdOrder;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * AD/CVD scope: a line whose HTS number and country of origin fall inside an AD/CVD order in force on the entry date,
 * but which carries no case number, most of all on an entry type that is not an AD/CVD type (01 instead of 03); and a
 * line whose case number belongs to none of the orders covering it.
 */
public final class AdcvdScopeDetector extends TunableDetector {

    public static final String CODE = "adcvd-scope";

    /** The entry types that declare AD/CVD goods: consumption, quota and warehouse withdrawals. */
    static final Set<String> ADCVD_TYPES = Set.of("03", "07", "34", "38");

    private final TradeRemedies remedies;

    public AdcvdScopeDetector(TradeRemedies remedies) {
        super(List.of());
        this.remedies = remedies;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "AD/CVD goods entered without a case";
    }

    @Override
    public String description() {
        return "A line's HTS number and country of origin lie in the scope of an AD/CVD order in force on the entry"
                + " date, but the line carries no case number (above all when the entry is type 01 rather than 03), or"
                + " its case number is not one of those orders'.";
    }

    @Override
    protected List<Finding> find(EntryUnderReview entry) {
        List<Finding> findings = new ArrayList<>();
        for (Declaration line : entry.lines()) {
            LocalDate date = line.entryDate() != null ? line.entryDate() : entry.entryDate();
            if (Texts.isBlank(line.hts()) || Texts.isBlank(line.countryOfOrigin()) || date == null) {
                continue;
            }
            List<AdcvdOrder> orders = remedies.covering(line.hts(), line.countryOfOrigin(), date);
            if (orders.isEmpty()) {
                continue;
            }
            String entryType = line.entryType() != null ? line.entryType() : entry.entryType();
            String scope = Texts.hts(line.hts()) + " from " + Texts.code(line.countryOfOrigin())
                    + " is within the scope of " + describe(orders);
            String tradeReason = "Line " + line.lineNumber() + " (HTS " + Texts.hts(line.hts()) + " from "
                    + Texts.code(line.countryOfOrigin())
                    + ") may be subject to antidumping or countervailing duties; its entry type and AD/CVD case"
                    + " number are under review.";
            String caseNumber = line.adcvdCaseNumber() == null
                    ? ""
                    : line.adcvdCaseNumber().replace("-", "").strip();
            if (caseNumber.isEmpty()) {
                boolean adcvdType = ADCVD_TYPES.contains(entryType);
                String reason = scope
                        + (adcvdType
                                ? "; the entry is type " + Texts.code(entryType) + " but the line carries no case"
                                        + " number"
                                : " but was entered as type " + Texts.code(entryType) + " without a case number");
                findings.add(finding(line.lineNumber(), reason, tradeReason, adcvdType ? 0.6 : 0.95));
            } else if (orders.stream()
                    .noneMatch(order -> caseNumber.startsWith(order.caseNumber().substring(0, 7)))) {
                String reason =
                        scope + ", but the line declares case " + Texts.code(caseNumber) + ", which is none of them";
                findings.add(finding(line.lineNumber(), reason, tradeReason, 0.7));
            }
        }
        return findings;
    }

    private static String describe(List<AdcvdOrder> orders) {
        List<String> parts = new ArrayList<>();
        for (AdcvdOrder order : orders) {
            parts.add(order.kind() + " order " + order.formattedCaseNumber() + " ("
                    + order.product().toLowerCase(java.util.Locale.ROOT)
                    + ", in force from " + order.effectiveFrom() + ", deposit rate "
                    + Texts.percent(order.depositRate().doubleValue()) + ")");
        }
        return String.join(" and ", parts);
    }
}
