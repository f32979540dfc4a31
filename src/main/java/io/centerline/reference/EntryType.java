package io.centerline.reference;

/**
 * An entry type code of the 7501 instructions. An {@code adcvd} type requires an AD/CVD case number on every line. An
 * {@code entrySummary} type is filed on an entry summary (CBP Form 7501); the others of the code list (foreign-trade
 * zone admission, drawback, in-bond transportation) are filed on forms of their own, and intake refuses them.
 */
public record EntryType(String code, String name, String category, boolean adcvd, boolean entrySummary) {

    public boolean isInformal() {
        return "informal".equals(category);
    }
}
