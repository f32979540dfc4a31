package io.centerline.reference;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The short code of a Center as in {@code centers.csv} ({@code ELEC}, {@code AFT}, ...). */
public record CenterCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2,6}");

    public CenterCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A Center code is 2 to 6 capital letters, not '" + value + "'");
        }
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
