package io.centerline.reference;

import com.fasterxml.jackson.annotation.JsonValue;
import io.centerline.platform.Shown;
import java.util.Locale;

/** The short code of a Center as in {@code centers.csv} ({@code ELEC}, {@code AFT}, ...). */
public record CenterCode(String value) {

    public CenterCode {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException(
                    "A Center code is 2 to 6 capital letters, not '" + Shown.value(value) + "'");
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

    /**
     * A Center code as a user writes it, read as the API reads one everywhere: in any case, blanks around it aside. The
     * text of {@code centers.csv}'s form, or {@code null} for none; whether a Center has it is the caller's to check.
     */
    public static String written(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
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
