package io.centerline.reference;

import com.fasterxml.jackson.annotation.JsonValue;

/** The short code of a Center as in {@code centers.csv} ({@code ELEC}, {@code AFT}, ...). */
public record CenterCode(String value) {

    public CenterCode {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("A Center code is 2 to 6 capital letters, not '" + value + "'");
        }
    }

    /** Two to six capital letters. */
    private static boolean wellFormed(String value) {
        if (value == null || value.length() < 2 || value.length() > 6) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 'A' || value.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    public static CenterCode of(String value) {
        return new CenterCode(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
