package io.centerline.entries;

import com.fasterxml.jackson.annotation.JsonValue;
import io.centerline.platform.Shown;
import java.util.Optional;

/**
 * An 11-character entry number: a 3-character filer code, a 7-digit serial assigned by the filer and a check digit
 * computed over the first ten characters (CBP Form 7501 instructions, Appendix 1). Accepted with or without dashes
 * ({@code ABC-1234567-6} or {@code ABC12345676}); always held and shown without them.
 */
public record EntryNumber(String value) {

    public EntryNumber {
        Problem problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem.message());
        }
    }

    /** Parses an entry number with or without dashes; throws if it is malformed or its check digit is wrong. */
    public static EntryNumber parse(String text) {
        return new EntryNumber(normalise(text));
    }

    public static Optional<EntryNumber> tryParse(String text) {
        String normalised = normalise(text);
        return problemWith(normalised) == null ? Optional.of(new EntryNumber(normalised)) : Optional.empty();
    }

    /** Why the text is not a valid entry number, or empty if it is one. */
    public static Optional<Problem> check(String text) {
        return Optional.ofNullable(problemWith(normalise(text)));
    }

    /** Builds the entry number of a filer code and serial, computing its check digit. */
    public static EntryNumber of(String filerCode, String serial) {
        return new EntryNumber(filerCode + serial + checkDigit(filerCode + serial));
    }

    public String filerCode() {
        return value.substring(0, 3);
    }

    public String serial() {
        return value.substring(3, 10);
    }

    /** The printed form {@code ABC-1234567-6}. */
    public String formatted() {
        return filerCode() + "-" + serial() + "-" + value.charAt(10);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }

    /**
     * The check digit of the ten characters of filer code and serial: letters become digits (A-I 1-9, J-R 1-9, S-Z
     * 2-9), digits in odd positions count once, digits in even positions are doubled with the digits of the product
     * added, and the check digit brings the total up to the next multiple of ten.
     */
    public static int checkDigit(String filerCodeAndSerial) {
        int total = 0;
        for (int i = 0; i < 10; i++) {
            int digit = digitOf(filerCodeAndSerial.charAt(i));
            if (i % 2 == 0) {
                total += digit;
            } else {
                int doubled = digit * 2;
                total += doubled / 10 + doubled % 10;
            }
        }
        return (10 - total % 10) % 10;
    }

    private static int digitOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'I') {
            return c - 'A' + 1;
        }
        if (c >= 'J' && c <= 'R') {
            return c - 'J' + 1;
        }
        if (c >= 'S' && c <= 'Z') {
            return c - 'S' + 2;
        }
        throw new IllegalArgumentException("'" + c + "' cannot stand in an entry number");
    }

    /**
     * The number without the two dashes of its written form, {@code ABC-1234567-6}; a dash anywhere else stays, and the
     * number is then refused for its shape.
     */
    private static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim().toUpperCase();
        return trimmed.length() == 13 && trimmed.charAt(3) == '-' && trimmed.charAt(11) == '-'
                ? trimmed.substring(0, 3) + trimmed.substring(4, 11) + trimmed.charAt(12)
                : trimmed;
    }

    private static Problem problemWith(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return new Problem("ENTRY_NUMBER_REQUIRED", "The entry number is missing.");
        }
        if (!shaped(normalised)) {
            return new Problem(
                    "ENTRY_NUMBER_FORMAT",
                    "The entry number '" + Shown.value(normalised)
                            + "' must be a 3-character filer code, a 7-digit serial and a check digit, written"
                            + " ABC-1234567-6 or ABC12345676.");
        }
        int expected = checkDigit(normalised);
        if (normalised.charAt(10) - '0' != expected) {
            return new Problem(
                    "ENTRY_NUMBER_CHECK_DIGIT",
                    "The check digit of entry number " + normalised.substring(0, 3) + "-" + normalised.substring(3, 10)
                            + "-" + normalised.charAt(10) + " should be " + expected + ".");
        }
        return null;
    }

    /**
     * Whether the text has the shape of an entry number, as the pattern {@code [A-Z0-9]{3}[0-9]{8}} says: a filer code
     * of three capitals or digits, then eight digits. Read by hand, without a regular expression: intake checks every
     * summary's number.
     */
    private static boolean shaped(String text) {
        if (text.length() != 11) {
            return false;
        }
        for (int i = 0; i < 11; i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(i < 3 && c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** A reason an entry number was refused, with its stable code. */
    public record Problem(String code, String message) {}
}
