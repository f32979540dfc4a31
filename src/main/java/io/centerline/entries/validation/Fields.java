package io.centerline.entries.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Lenient-free parsing of the text fields of a submission; each answers empty when the text is not well formed. */
final class Fields {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Fields() {}

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** A plain decimal: an optional minus, 1 to 18 digits, and optionally a point followed by digits. */
    static Optional<BigDecimal> decimal(String text) {
        if (isBlank(text)) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        return isPlainDecimal(trimmed) ? Optional.of(new BigDecimal(trimmed)) : Optional.empty();
    }

    private static boolean isPlainDecimal(String text) {
        int i = text.charAt(0) == '-' ? 1 : 0;
        int integerDigits = 0;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
            integerDigits++;
        }
        if (integerDigits == 0 || integerDigits > 18) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        if (text.charAt(i) != '.' || i == text.length() - 1) {
            return false;
        }
        for (i++; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String text, int minimum, int maximum) {
        if (text == null || text.length() < minimum || text.length() > maximum) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static Optional<LocalDate> date(String text) {
        if (isBlank(text) || !DATE.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> lineNumber(String text) {
        if (isBlank(text) || !isDigits(text.trim(), 1, 3)) {
            return Optional.empty();
        }
        int number = Integer.parseInt(text.trim());
        return number > 0 ? Optional.of(number) : Optional.empty();
    }

    /** A yes/no field: {@code true}/{@code false} or {@code Y}/{@code N}; absent means no. */
    static Optional<Boolean> flag(String text) {
        if (isBlank(text)) {
            return Optional.of(false);
        }
        switch (text.trim().toUpperCase()) {
            case "TRUE", "Y":
                return Optional.of(true);
            case "FALSE", "N":
                return Optional.of(false);
            default:
                return Optional.empty();
        }
    }

    static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    static String upper(String text) {
        return text == null ? null : text.trim().toUpperCase();
    }
}
