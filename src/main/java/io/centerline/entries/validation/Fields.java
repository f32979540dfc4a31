package io.centerline.entries.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Lenient-free parsing of the text fields of a submission; each answers empty when the text is not well formed. */
final class Fields {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LINE_NUMBER = Pattern.compile("\\d{1,3}");

    private Fields() {}

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static Optional<BigDecimal> decimal(String text) {
        if (isBlank(text)) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        return DECIMAL.matcher(trimmed).matches() ? Optional.of(new BigDecimal(trimmed)) : Optional.empty();
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
        if (isBlank(text) || !LINE_NUMBER.matcher(text.trim()).matches()) {
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
