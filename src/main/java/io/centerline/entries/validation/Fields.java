package io.centerline.entries.validation;

import io.centerline.platform.Shown;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** Lenient-free parsing of the text fields of a submission; each answers empty when the text is not well formed. */
final class Fields {

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
        return isPlainDecimal(trimmed) ? Optional.of(plainDecimal(trimmed)) : Optional.empty();
    }

    /**
     * The value of a plain decimal, equal to {@code new BigDecimal(plain)} in value and scale; one of up to 18 digits
     * in all, as nearly every amount is, is read without building BigDecimal's intermediate text.
     */
    private static BigDecimal plainDecimal(String plain) {
        boolean negative = plain.charAt(0) == '-';
        int digits = plain.length() - (negative ? 1 : 0) - (plain.indexOf('.') >= 0 ? 1 : 0);
        if (digits > 18) {
            return new BigDecimal(plain);
        }
        long unscaled = 0;
        int scale = 0;
        boolean fraction = false;
        for (int i = negative ? 1 : 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '.') {
                fraction = true;
            } else {
                unscaled = unscaled * 10 + (c - '0');
                scale += fraction ? 1 : 0;
            }
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    private static boolean isPlainDecimal(String text) {
        int integerDigits = integerDigitsOfPlainDecimal(text);
        return integerDigits > 0 && integerDigits <= 18;
    }

    /**
     * Whether the text is a plain decimal of more than 18 digits before its point: a number, but beyond any amount,
     * quantity or weight a summary holds.
     */
    static boolean isDecimalBeyondEveryLimit(String text) {
        return !isBlank(text) && integerDigitsOfPlainDecimal(text.trim()) > 18;
    }

    /** The digits before the point of a plain decimal (optional minus, digits, optional point and digits), else -1. */
    private static int integerDigitsOfPlainDecimal(String text) {
        int i = text.charAt(0) == '-' ? 1 : 0;
        int integerDigits = 0;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
            integerDigits++;
        }
        if (integerDigits == 0) {
            return -1;
        }
        if (i == text.length()) {
            return integerDigits;
        }
        if (text.charAt(i) != '.' || i == text.length() - 1) {
            return -1;
        }
        for (i++; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return -1;
            }
        }
        return integerDigits;
    }

    /** A value as a message quotes it, by the one rule of {@link Shown}: at most 40 characters and an ellipsis. */
    static String shown(String text) {
        return Shown.value(text);
    }

    static boolean isDigits(String text, int minimum, int maximum) {
        return text != null && text.length() >= minimum && text.length() <= maximum && digitsAt(text, 0, text.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An ISO date {@code YYYY-MM-DD} that exists in the calendar, read without a formatter (intake reads millions). */
    static Optional<LocalDate> date(String text) {
        if (isBlank(text)) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.length() != 10
                || trimmed.charAt(4) != '-'
                || trimmed.charAt(7) != '-'
                || !digitsAt(trimmed, 0, 4)
                || !digitsAt(trimmed, 5, 7)
                || !digitsAt(trimmed, 8, 10)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(trimmed, 0, 4, 10),
                    Integer.parseInt(trimmed, 5, 7, 10),
                    Integer.parseInt(trimmed, 8, 10, 10)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean digitsAt(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static Optional<Integer> lineNumber(String text) {
        int number = lineNumberOrZero(text);
        return number > 0 ? Optional.of(number) : Optional.empty();
    }

    /**
     * A line number of one to three digits, above zero, read without trimming or boxing (every policy asks for each
     * line's number); zero when the text is no such number.
     */
    static int lineNumberOrZero(String text) {
        if (text == null) {
            return 0;
        }
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to == from || to - from > 3 || !digitsAt(text, from, to)) {
            return 0;
        }
        return Integer.parseInt(text, from, to, 10);
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
        return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a manufacturer ID has the structure of one: two letters of country, two to six of the maker's name, up to
     * four digits of its address and three letters of its city, all in capitals, as the pattern
     * {@code [A-Z]{2}[A-Z]{2,6}[0-9]{0,4}[A-Z]{3}} says. Read by hand, without a regular expression: every line of
     * every summary has one.
     */
    static boolean isManufacturerIdStructure(String text) {
        int length = text.length();
        int letters = 0;
        while (letters < length && isCapital(text.charAt(letters))) {
            letters++;
        }
        int digitsEnd = letters;
        while (digitsEnd < length && isDigit(text.charAt(digitsEnd))) {
            digitsEnd++;
        }
        int digits = digitsEnd - letters;
        if (digits == 0) {
            return letters == length && letters >= 7 && letters <= 11;
        }
        int city = digitsEnd;
        while (city < length && isCapital(text.charAt(city))) {
            city++;
        }
        return city == length && city - digitsEnd == 3 && digits <= 4 && letters >= 4 && letters <= 8;
    }

    /** Whether a unit of quantity has one to three letters or digits, as the pattern {@code [A-Za-z0-9]{1,3}} says. */
    static boolean isUnitCode(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isCapital(c) && !(c >= 'a' && c <= 'z') && !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
