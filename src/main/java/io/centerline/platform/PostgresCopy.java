package io.centerline.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one table, gathered in PostgreSQL's text {@code COPY} format and sent in one stream on the caller's
 * connection (and so in the caller's transaction). Nulls are written as {@code \N}; tabs, newlines, carriage returns
 * and backslashes in values are escaped. Values are encoded straight into UTF-8 bytes, kept in pages of
 * {@value #PAGE} bytes rather than one growing buffer, so a large chunk never needs one large array and no row is
 * copied on its way to the server.
 */
public final class PostgresCopy {

    private static final int PAGE = 32 * 1024;

    private final String sql;
    private final List<byte[]> pages = new ArrayList<>();
    private final byte[] digits = new byte[20];
    private byte[] page = new byte[PAGE];
    private int used;
    private int count;
    private Instant lastInstant;
    private String lastInstantText;

    public PostgresCopy(String table, String... columns) {
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
    }

    public PostgresCopy row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put('\t');
            }
            append(values[i]);
        }
        put('\n');
        count++;
        return this;
    }

    public int count() {
        return count;
    }

    /** Sends the gathered rows; returns how many the server stored. */
    public long into(Connection connection) throws SQLException {
        if (count == 0) {
            return 0;
        }
        CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            for (byte[] full : pages) {
                copyIn.writeToCopy(full, 0, full.length);
            }
            copyIn.writeToCopy(page, 0, used);
            return copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /** The rows gathered so far, exactly as {@link #into} sends them. */
    byte[] bytes() {
        byte[] all = new byte[pages.size() * PAGE + used];
        for (int i = 0; i < pages.size(); i++) {
            System.arraycopy(pages.get(i), 0, all, i * PAGE, PAGE);
        }
        System.arraycopy(page, 0, all, pages.size() * PAGE, used);
        return all;
    }

    private void append(Object value) {
        if (value == null) {
            put('\\');
            put('N');
        } else if (value instanceof String text) {
            text(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            whole(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            decimal(decimal);
        } else if (value instanceof LocalDate date) {
            date(date);
        } else if (value instanceof Boolean flag) {
            put(flag ? 't' : 'f');
        } else if (value instanceof Instant instant) {
            if (!instant.equals(lastInstant)) {
                lastInstant = instant;
                lastInstantText =
                        OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
            }
            ascii(lastInstantText);
        } else if (value instanceof Number number) {
            ascii(number.toString());
        } else {
            text(value.toString());
        }
    }

    /** A decimal as {@link BigDecimal#toPlainString} writes it, without building the string for the usual sizes. */
    private void decimal(BigDecimal decimal) {
        int scale = decimal.scale();
        BigInteger unscaled = scale >= 0 && scale <= 18 ? decimal.unscaledValue() : null;
        if (unscaled == null || unscaled.bitLength() >= 63) {
            ascii(decimal.toPlainString());
            return;
        }
        long value = unscaled.longValue();
        if (value < 0) {
            put('-');
            value = -value;
        }
        int length = digits(value);
        int first = digits.length - length;
        int integerDigits = length - scale;
        if (integerDigits <= 0) {
            put('0');
        }
        for (int i = 0; i < integerDigits; i++) {
            put(digits[first + i]);
        }
        if (scale > 0) {
            put('.');
            for (int zeros = integerDigits; zeros < 0; zeros++) {
                put('0');
            }
            for (int i = Math.max(integerDigits, 0); i < length; i++) {
                put(digits[first + i]);
            }
        }
    }

    private void whole(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            put('-');
            value = -value;
        }
        int length = digits(value);
        for (int i = digits.length - length; i < digits.length; i++) {
            put(digits[i]);
        }
    }

    /** Writes the decimal digits of a non-negative number at the end of {@link #digits}; answers how many. */
    private int digits(long value) {
        int at = digits.length;
        do {
            digits[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        return digits.length - at;
    }

    private void date(LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            ascii(date.toString());
            return;
        }
        twoDigits(year / 100);
        twoDigits(year % 100);
        put('-');
        twoDigits(date.getMonthValue());
        put('-');
        twoDigits(date.getDayOfMonth());
    }

    private void twoDigits(int value) {
        put('0' + value / 10);
        put('0' + value % 10);
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            put(text.charAt(i));
        }
    }

    /**
     * A value as UTF-8, with COPY's escapes; an unpaired surrogate becomes '?', as {@link String#getBytes} has it.
     * Printable ASCII, nearly all that intake writes, goes straight into the page while it has room; the first other
     * character, or the page's end, hands the rest to the general loop.
     */
    private void text(String text) {
        int length = text.length();
        byte[] target = page;
        int at = used;
        int end = Math.min(length, PAGE - at);
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (c < ' ' || c >= 0x7F || c == '\\') {
                break;
            }
            target[at++] = (byte) c;
            i++;
        }
        used = at;
        if (i < length) {
            text(text, i);
        }
    }

    private void text(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> {
                        put('\\');
                        put('\\');
                    }
                    case '\t' -> {
                        put('\\');
                        put('t');
                    }
                    case '\n' -> {
                        put('\\');
                        put('n');
                    }
                    case '\r' -> {
                        put('\\');
                        put('r');
                    }
                    default -> put(c);
                }
            } else if (c < 0x800) {
                put(0xC0 | (c >> 6));
                put(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                put(0xF0 | (codePoint >> 18));
                put(0x80 | ((codePoint >> 12) & 0x3F));
                put(0x80 | ((codePoint >> 6) & 0x3F));
                put(0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                put('?');
            } else {
                put(0xE0 | (c >> 12));
                put(0x80 | ((c >> 6) & 0x3F));
                put(0x80 | (c & 0x3F));
            }
        }
    }

    private void put(int b) {
        if (used == PAGE) {
            pages.add(page);
            page = new byte[PAGE];
            used = 0;
        }
        page[used++] = (byte) b;
    }
}
