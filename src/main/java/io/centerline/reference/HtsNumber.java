package io.centerline.reference;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A 10-digit HTSUS statistical number. Chapters 98 and 99 are special provisions that stand only as additional
 * numbers beside a classification in chapters 01 to 97.
 */
public record HtsNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{10}");

    public HtsNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("An HTS number has 10 digits, not '" + value + "'");
        }
    }

    /** Parses an HTS number written with or without the dots of the printed schedule ({@code 8471.30.0100}). */
    public static HtsNumber parse(String text) {
        return new HtsNumber(text == null ? null : text.replace(".", "").trim());
    }

    public static boolean isWellFormed(String text) {
        return text != null && FORMAT.matcher(text.replace(".", "").trim()).matches();
    }

    public int chapter() {
        return Integer.parseInt(value.substring(0, 2));
    }

    /** The 4-digit heading, e.g. {@code 8471}. */
    public String heading() {
        return value.substring(0, 4);
    }

    public boolean isSpecialProvision() {
        int chapter = chapter();
        return chapter == 98 || chapter == 99;
    }

    public boolean isClassification() {
        int chapter = chapter();
        return chapter >= 1 && chapter <= 97;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
