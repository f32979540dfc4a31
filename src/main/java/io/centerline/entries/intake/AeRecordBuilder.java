package io.centerline.entries.intake;

import io.centerline.entries.intake.AeLayout.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * An AE record being written: always exactly {@value AeLayout#RECORD_LENGTH} characters, spaces where no field is
 * set, text left-justified, numbers right-justified and zero-filled. A value that does not fit its field is refused
 * with an {@link IllegalArgumentException} rather than cut, except where a field is set with {@link #truncated}.
 */
final class AeRecordBuilder {

    private static final DateTimeFormatter MMDDYY = DateTimeFormatter.ofPattern("MMddyy");

    private final char[] chars = new char[AeLayout.RECORD_LENGTH];
    private final String type;

    AeRecordBuilder(String type) {
        this.type = type;
        Arrays.fill(chars, ' ');
        type.getChars(0, type.length(), chars, 0);
    }

    AeRecordBuilder text(Field field, String value) {
        if (value == null) {
            return this;
        }
        if (value.length() > field.width()) {
            throw new IllegalArgumentException("'" + value + "' does not fit the " + field.width() + " positions from "
                    + field.from() + " of record " + type);
        }
        value.getChars(0, value.length(), chars, field.from() - 1);
        return this;
    }

    AeRecordBuilder truncated(Field field, String value) {
        if (value == null) {
            return this;
        }
        return text(field, value.length() > field.width() ? value.substring(0, field.width()) : value);
    }

    /** A decimal amount written with {@code scale} implied decimals, rounded half-up. */
    AeRecordBuilder scaled(Field field, String amount, int scale) {
        if (amount == null) {
            return this;
        }
        return scaled(field, decimal(amount), scale);
    }

    AeRecordBuilder scaled(Field field, BigDecimal amount, int scale) {
        BigDecimal unscaled = amount.movePointRight(scale).setScale(0, RoundingMode.HALF_UP);
        if (unscaled.signum() < 0) {
            throw new IllegalArgumentException("A negative amount " + amount + " cannot be written to record " + type);
        }
        String digits = unscaled.toPlainString();
        if (digits.length() > field.width()) {
            throw new IllegalArgumentException(amount + " does not fit the " + field.width() + " positions from "
                    + field.from() + " of record " + type);
        }
        return text(field, "0".repeat(field.width() - digits.length()) + digits);
    }

    /** An ISO {@code yyyy-MM-dd} date of this century written as MMDDYY. */
    AeRecordBuilder date(Field field, String isoDate) {
        if (isoDate == null) {
            return this;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(isoDate.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + isoDate + "' is not a yyyy-MM-dd date", e);
        }
        if (date.getYear() < 2000 || date.getYear() > 2099) {
            throw new IllegalArgumentException("Only dates from 2000 to 2099 can be written as MMDDYY, not " + isoDate);
        }
        return text(field, date.format(MMDDYY));
    }

    static BigDecimal decimal(String amount) {
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not a decimal number", e);
        }
    }

    @Override
    public String toString() {
        return new String(chars);
    }
}
