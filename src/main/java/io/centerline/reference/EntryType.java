package io.centerline.reference;

/** An entry type code of the 7501 instructions; {@code adcvd} types require an AD/CVD case number on every line. */
public record EntryType(String code, String name, String category, boolean adcvd) {

    public boolean isInformal() {
        return "informal".equals(category);
    }
}
