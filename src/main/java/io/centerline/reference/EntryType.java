package io.centerline.reference;

/**
 * An entry type code of the 7501 instructions. An {@code adcvd} type (03, 07, 34, 38) declares AD/CVD case numbers:
 * on at least one line, and on every line of goods an order holds; an {@code adcvdOptional} type (06, foreign-trade
 * zone consumption) lets a line carry one without any line needing it; every other type carries none. An {@code entrySummary} type is filed on an entry summary (CBP
 * Form 7501); the others of the code list (foreign-trade zone admission, drawback, in-bond transportation) are filed on
 * forms of their own, and intake refuses them. A type {@code liquidatedFromFinalWithdrawal} (warehouse 21 and
 * re-warehouse 22) is liquidated, or deemed liquidated, within a year of the final withdrawal of its goods from the
 * warehouse (19 U.S.C. 1504(a)(1)(B)), not of its entry date.
 */
public record EntryType(
        String code,
        String name,
        String category,
        boolean adcvd,
        boolean adcvdOptional,
        boolean entrySummary,
        boolean liquidatedFromFinalWithdrawal) {

    /** A type whose liquidation period runs from its entry date. */
    public EntryType(
            String code, String name, String category, boolean adcvd, boolean adcvdOptional, boolean entrySummary) {
        this(code, name, category, adcvd, adcvdOptional, entrySummary, false);
    }

    public boolean isInformal() {
        return "informal".equals(category);
    }

    /** Whether a line of this type may carry an AD/CVD case number. */
    public boolean admitsAdcvdCase() {
        return adcvd || adcvdOptional;
    }

    /**
     * Whether an entry of this type stays unliquidated until Commerce's instructions (19 U.S.C. 1504(b)): an AD/CVD
     * type always, a type whose lines may carry a case when any of them does.
     */
    public boolean liquidationSuspended(boolean declaresAdcvdCase) {
        return adcvd || (adcvdOptional && declaresAdcvdCase);
    }
}
