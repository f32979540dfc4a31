package io.centerline.reference;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A 10-digit HTSUS statistical number. Chapters 98 and 99 are special provisions that stand only as additional
 * numbers beside a classification in chapters 01 to 97.
 */
public record HtsNumber(String value) {

    public HtsNumber {
        if (!isWellFormed(value) || value.length() != 10) {
            throw new IllegalArgumentException("An HTS number has 10 digits, not '" + value + "'");
        }
    }

    /** Parses an HTS number written with or without the dots of the printed schedule ({@code 8471.30.0100}). */
    public static HtsNumber parse(String text) {
        return new HtsNumber(text == null ? null : compact(text));
    }

    public static boolean isWellFormed(String text) {
        if (text == null) {
            return false;
        }
        String compact = compact(text);
        if (compact.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = compact.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String compact(String text) {
        String trimmed = text.trim();
        return trimmed.indexOf('.') < 0 ? trimmed : trimmed.replace(".", "");
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
