package io.centerline.reference;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An HTSUS number: the 10-digit statistical number of a classification in chapters 01 to 97, or a special provision
 * of chapters 98 and 99, which stands only as an additional number beside a classification and has 10 digits or the 8
 * of the subheading it is published under ({@code 9903.88.03}). An 8-digit provision is kept as it is written, never
 * given a statistical suffix it was not filed with.
 */
public record HtsNumber(String value) {

    public HtsNumber {
        if (value == null || !(isDigits(value, 10) || isDigits(value, 8) && isSpecialProvision(value))) {
            throw new IllegalArgumentException(
                    "An HTS number has 10 digits (8 in chapters 98 and 99), not '" + value + "'");
        }
    }

    /**
     * Parses an HTS number written with or without the dots of the printed schedule ({@code 8471.30.0100}), of 10
     * digits or, in chapters 98 and 99, of 8 ({@code 9903.88.03}).
     */
    public static HtsNumber parse(String text) {
        return new HtsNumber(text == null ? null : compact(text));
    }

    /** Whether the text is a 10-digit statistical number, with or without the dots of the printed schedule. */
    public static boolean isWellFormed(String text) {
        return text != null && isDigits(compact(text), 10);
    }

    /**
     * Whether the text is an HTS number that may stand as an additional number: 10 digits, or 8 in chapters 98 and
     * 99, where special provisions are published as 8-digit subheadings; with or without the dots.
     */
    public static boolean isWellFormedAdditional(String text) {
        if (text == null) {
            return false;
        }
        String compact = compact(text);
        return isDigits(compact, 10) || isDigits(compact, 8) && isSpecialProvision(compact);
    }

    private static boolean isDigits(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpecialProvision(String digits) {
        return digits.startsWith("98") || digits.startsWith("99");
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
