package io.centerline.targeting.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;

/** The CEL type of a field targeters write rules against, with the Java type its values are handed to CEL in. */
public enum FieldType {
    /** Text; an absent value is the empty string. */
    STRING("string", SimpleType.STRING),
    /** A whole number (a Java {@code Long}). */
    INT("int", SimpleType.INT),
    /** A number with decimals (a Java {@code Double}); an absent value is unknown to the rule, never a number. */
    DOUBLE("double", SimpleType.DOUBLE),
    /** True or false. */
    BOOL("bool", SimpleType.BOOL),
    /** An instant, compared with {@code timestamp("2026-01-01T00:00:00Z")}. */
    TIMESTAMP("timestamp", SimpleType.TIMESTAMP);

    private final String celName;
    private final CelType celType;

    FieldType(String celName, CelType celType) {
        this.celName = celName;
        this.celType = celType;
    }

    /** The type's name as CEL writes it. */
    public String celName() {
        return celName;
    }

    CelType celType() {
        return celType;
    }
}
