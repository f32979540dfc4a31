package io.centerline.entries.intake;

import io.centerline.entries.intake.AeLayout.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * One AE record as received, read by field position. A record shorter than {@value AeLayout#RECORD_LENGTH} characters
 * reads as if padded with spaces. Every accessor gives null for a blank field and never throws for bad content: text
 * that is not what the field should hold is handed on trimmed, so that validation names the problem.
 */
final class AeRecord {

    private final String text;

    AeRecord(String text) {
        this.text = text;
    }

    /** The type in positions 1–2: two characters for line and header records, one letter for A, B, Y and Z. */
    static String typeOf(String text) {
        String two = text.length() >= 2 ? text.substring(0, 2) : text;
        if (two.length() == 2 && isDigit(two.charAt(0)) && isDigit(two.charAt(1))) {
            return two;
        }
        if (two.equals("SE") || two.equals("CW") || two.equals("OI")) {
            return two;
        }
        if (!two.isEmpty() && "ABYZ".indexOf(two.charAt(0)) >= 0) {
            return two.substring(0, 1);
        }
        return two.trim();
    }

    /** The field exactly as it stands, padded with spaces to its width. */
    String raw(Field field) {
        int from = Math.min(field.from() - 1, text.length());
        int to = Math.min(field.to(), text.length());
        StringBuilder value = new StringBuilder(field.width()).append(text, from, to);
        while (value.length() < field.width()) {
            value.append(' ');
        }
        return value.toString();
    }

    String text(Field field) {
        String value = raw(field).strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * An amount with {@code scale} implied decimals as a plain decimal string ({@code 0001234} at scale 2 is 12.34). A
     * minus sign before the digits keeps the implied decimals ({@code -000052450} at scale 2 is -524.50), so that
     * validation refuses a negative amount for the amount it is.
     */
    String scaled(Field field, int scale) {
        String value = text(field);
        BigInteger number = signedDigits(value);
        return number == null ? value : new BigDecimal(number, scale).toPlainString();
    }

    /**
     * A quantity with {@code scale} implied decimals, without trailing zeros ({@code 000001250} at scale 2 is 12.5; a
     * minus sign before the digits keeps them, {@code -00001250} is -12.5).
     */
    String quantity(Field field, int scale) {
        String value = text(field);
        BigInteger number = signedDigits(value);
        return number == null
                ? value
                : new BigDecimal(number, scale).stripTrailingZeros().toPlainString();
    }

    /** The number of a field of digits with or without a minus sign before them, or null for any other text. */
    private static BigInteger signedDigits(String value) {
        if (value == null) {
            return null;
        }
        boolean negative = value.startsWith("-");
        String digits = negative ? value.substring(1) : value;
        if (!isDigits(digits)) {
            return null;
        }
        BigInteger number = new BigInteger(digits);
        return negative ? number.negate() : number;
    }

    /** A whole number without leading zeros. */
    String whole(Field field) {
        return scaled(field, 0);
    }

    /** A MMDDYY date in this century as ISO {@code yyyy-MM-dd}. */
    String date(Field field) {
        String value = text(field);
        if (value == null || value.length() != 6 || !isDigits(value)) {
            return value;
        }
        try {
            int month = Integer.parseInt(value.substring(0, 2));
            int day = Integer.parseInt(value.substring(2, 4));
            int year = 2000 + Integer.parseInt(value.substring(4, 6));
            return LocalDate.of(year, month, day).toString();
        } catch (DateTimeException e) {
            return value;
        }
    }

    /** A Y/N indicator as "true" or "false". */
    String flag(Field field) {
        String value = text(field);
        if ("Y".equals(value)) {
            return "true";
        }
        if ("N".equals(value)) {
            return "false";
        }
        return value;
    }

    static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
