package io.centerline.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one table, sent with one {@code COPY} on the caller's connection (and so in the caller's transaction).
 *
 * <p>The rows go in PostgreSQL's binary format when every column is of a type this class writes in it (text, numbers,
 * dates, times, flags, JSON), as the columns of intake's tables are: the server then stores each value as it comes
 * instead of parsing its text, which is about a quarter of the server's work in a text {@code COPY} of entry summaries
 * (decision record 0021). The column types are read from the catalogue once per table and column list and kept for
 * the life of the process, the schema being migrated before anything is stored. A table with a column of another type,
 * or a value that does not convert to its column's type, is sent in the text format instead, so that the server
 * accepts or refuses it in its own words; in the text format nulls are written as {@code \N}, and tabs, newlines,
 * carriage returns and backslashes in values are escaped.
 *
 * <p>Values are encoded straight into bytes, kept in pages of {@value #PAGE} bytes rather than one growing buffer, so
 * a large chunk never needs one large array and no row is copied on its way to the server.
 */
public final class PostgresCopy {

    private static final int PAGE = 32 * 1024;
    private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01, the epoch of PostgreSQL's binary dates and times, in days and in seconds since 1970-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    /** The column kinds of each table and column list, from the catalogue; empty when one is not written in binary. */
    private static final Map<String, Kind[]> KINDS = new ConcurrentHashMap<>();

    /** How a column's values are written in the binary format. */
    private enum Kind {
        TEXT,
        JSONB,
        INT2,
        INT4,
        INT8,
        NUMERIC,
        FLOAT4,
        FLOAT8,
        BOOL,
        DATE,
        TIMESTAMP;

        /** The kind of a PostgreSQL base type, by its name and its type category, or null for another type. */
        static Kind of(String typeName, String typeType) {
            if ("e".equals(typeType)) {
                return TEXT;
            }
            return switch (typeName) {
                case "text", "varchar", "bpchar", "json" -> TEXT;
                case "jsonb" -> JSONB;
                case "int2" -> INT2;
                case "int4" -> INT4;
                case "int8" -> INT8;
                case "numeric" -> NUMERIC;
                case "float4" -> FLOAT4;
                case "float8" -> FLOAT8;
                case "bool" -> BOOL;
                case "date" -> DATE;
                case "timestamptz", "timestamp" -> TIMESTAMP;
                default -> null;
            };
        }
    }

    private final String table;
    private final String[] columns;
    private final String columnList;
    private final List<Object[]> rows = new ArrayList<>();

    public PostgresCopy(String table, String... columns) {
        this.table = table;
        this.columns = columns.clone();
        this.columnList = table + " (" + String.join(", ", columns) + ")";
    }

    public PostgresCopy row(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(
                    "A row of " + table + " needs " + columns.length + " values, not " + values.length);
        }
        rows.add(values);
        return this;
    }

    public int count() {
        return rows.size();
    }

    /** Sends the gathered rows; returns how many the server stored. */
    public long into(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        Kind[] kinds = kinds(connection);
        Pages binary = kinds.length == 0 ? null : binary(kinds);
        Pages pages = binary == null ? text() : binary;
        CopyIn copyIn = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy " + columnList + " from stdin" + (binary == null ? "" : " with (format binary)"));
        try {
            for (byte[] full : pages.full) {
                copyIn.writeToCopy(full, 0, full.length);
            }
            copyIn.writeToCopy(pages.page, 0, pages.used);
            return copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /** Whether {@link #into} sends the rows gathered so far in the binary format on this connection. */
    boolean sendsBinary(Connection connection) {
        Kind[] kinds = kinds(connection);
        return kinds.length > 0 && binary(kinds) != null;
    }

    /** The kinds of the columns, read from the catalogue the first time this table and column list is copied. */
    private Kind[] kinds(Connection connection) {
        return KINDS.computeIfAbsent(columnList, key -> readKinds(connection));
    }

    /** The rows gathered so far in the text format, as {@link #into} sends them when it cannot send binary. */
    byte[] bytes() {
        return text().bytes();
    }

    /**
     * The kinds of the columns, in their order, from the catalogue; an empty array when one of them is of a type not
     * written in binary, or the table is not found (the text {@code COPY} then reports it).
     */
    private Kind[] readKinds(Connection connection) {
        Map<String, Kind> byName = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select a.attname, coalesce(b.typname, t.typname), coalesce(b.typtype, t.typtype)::text"
                        + " from pg_attribute a join pg_type t on t.oid = a.atttypid"
                        + " left join pg_type b on t.typtype = 'd' and b.oid = t.typbasetype"
                        + " where a.attrelid = to_regclass(?) and a.attnum > 0 and not a.attisdropped")) {
            select.setString(1, table);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    Kind kind = Kind.of(found.getString(2), found.getString(3));
                    if (kind != null) {
                        byName.put(found.getString(1), kind);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the column types of " + table + ": " + e.getMessage(), e);
        }
        Kind[] kinds = new Kind[columns.length];
        for (int i = 0; i < columns.length; i++) {
            kinds[i] = byName.get(columns[i]);
            if (kinds[i] == null) {
                return new Kind[0];
            }
        }
        return kinds;
    }

    private Pages text() {
        Pages pages = new Pages();
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    pages.put('\t');
                }
                pages.textValue(row[i]);
            }
            pages.put('\n');
        }
        return pages;
    }

    /** The rows in the binary format, or null when a value does not convert to its column's kind. */
    private Pages binary(Kind[] kinds) {
        Pages pages = new Pages();
        pages.put(BINARY_SIGNATURE);
        pages.putInt(0);
        pages.putInt(0);
        try {
            for (Object[] row : rows) {
                pages.putShort(row.length);
                for (int i = 0; i < row.length; i++) {
                    pages.binaryValue(kinds[i], row[i]);
                }
            }
        } catch (Unconvertible | ArithmeticException e) {
            return null;
        }
        pages.putShort(-1);
        return pages;
    }

    /** A value that does not convert to its column's kind. */
    private static final class Unconvertible extends RuntimeException {
        Unconvertible() {
            super(null, null, false, false);
        }
    }

    /** The encoded rows: full pages, and the page being filled. */
    private static final class Pages {

        private final List<byte[]> full = new ArrayList<>();
        private final byte[] digits = new byte[20];
        private byte[] page = new byte[PAGE];
        private int used;
        private Instant lastInstant;
        private String lastInstantText;

        byte[] bytes() {
            byte[] all = new byte[full.size() * PAGE + used];
            for (int i = 0; i < full.size(); i++) {
                System.arraycopy(full.get(i), 0, all, i * PAGE, PAGE);
            }
            System.arraycopy(page, 0, all, full.size() * PAGE, used);
            return all;
        }

        // the binary format: each value its length in bytes, or -1 for null, then its bytes

        void binaryValue(Kind kind, Object value) {
            if (value == null) {
                putInt(-1);
                return;
            }
            switch (kind) {
                case TEXT -> {
                    // the JDK's encoder: one vectorised pass over ASCII text, and '?' for an unpaired surrogate, as
                    // the text format writes it
                    byte[] utf8 = text(value).getBytes(StandardCharsets.UTF_8);
                    putInt(utf8.length);
                    put(utf8);
                }
                case JSONB -> {
                    if (!(value instanceof String text)) {
                        throw new Unconvertible();
                    }
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    putInt(1 + utf8.length);
                    put(1);
                    put(utf8);
                }
                case INT2 -> {
                    putInt(2);
                    putShort((int) whole(value, Short.MIN_VALUE, Short.MAX_VALUE));
                }
                case INT4 -> {
                    putInt(4);
                    putInt((int) whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
                }
                case INT8 -> {
                    putInt(8);
                    putLong(whole(value, Long.MIN_VALUE, Long.MAX_VALUE));
                }
                case NUMERIC -> numeric(decimal(value));
                case FLOAT4 -> {
                    putInt(4);
                    putInt(Float.floatToIntBits(number(value).floatValue()));
                }
                case FLOAT8 -> {
                    putInt(8);
                    putLong(Double.doubleToLongBits(number(value).doubleValue()));
                }
                case BOOL -> {
                    if (!(value instanceof Boolean flag)) {
                        throw new Unconvertible();
                    }
                    putInt(1);
                    put(flag ? 1 : 0);
                }
                case DATE -> {
                    if (!(value instanceof LocalDate date)) {
                        throw new Unconvertible();
                    }
                    putInt(4);
                    putInt(Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY));
                }
                case TIMESTAMP -> {
                    Instant instant = value instanceof Instant i
                            ? i
                            : value instanceof OffsetDateTime time ? time.toInstant() : null;
                    if (instant == null) {
                        throw new Unconvertible();
                    }
                    putInt(8);
                    putLong(Math.addExact(
                            Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
                            instant.getNano() / 1_000));
                }
            }
        }

        /** A value for a text column, written as the text format writes it. */
        private static String text(Object value) {
            if (value instanceof String text) {
                return text;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return value.toString();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            throw new Unconvertible();
        }

        /** A whole number within the range of its column's type. */
        private static long whole(Object value, long min, long max) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                long whole = ((Number) value).longValue();
                if (whole >= min && whole <= max) {
                    return whole;
                }
            }
            throw new Unconvertible();
        }

        private static Number number(Object value) {
            if (value instanceof Number number) {
                return number;
            }
            throw new Unconvertible();
        }

        private static BigDecimal decimal(Object value) {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new Unconvertible();
                }
                return new BigDecimal(value.toString());
            }
            throw new Unconvertible();
        }

        /**
         * A decimal as PostgreSQL's {@code numeric}: its digits in base 10,000 from the most significant, the weight
         * (the power of 10,000) of the first, the sign and the count of decimal places.
         */
        private void numeric(BigDecimal value) {
            BigDecimal decimal = value.scale() < 0 ? value.setScale(0) : value;
            int scale = decimal.scale();
            if (scale > 0x3FFF) {
                throw new Unconvertible();
            }
            BigInteger unscaled = decimal.unscaledValue();
            // the decimal digits of the unscaled value, the most significant first, from decimalDigits[first]
            byte[] decimalDigits;
            int first;
            int length;
            if (unscaled.bitLength() < 63) {
                decimalDigits = digits;
                length = digits(Math.abs(unscaled.longValue()));
                first = digits.length - length;
            } else {
                decimalDigits = unscaled.abs().toString().getBytes(StandardCharsets.US_ASCII);
                first = 0;
                length = decimalDigits.length;
            }
            boolean zero = unscaled.signum() == 0;
            int highest = Math.floorDiv(length - 1 - scale, 4);
            int lowest = Math.floorDiv(-scale, 4);
            while (!zero && lowest < highest && group(decimalDigits, first, length, scale, lowest) == 0) {
                lowest++;
            }
            int count = zero ? 0 : highest - lowest + 1;
            putInt(8 + 2 * count);
            putShort(count);
            putShort(zero ? 0 : highest);
            putShort(unscaled.signum() < 0 ? NUMERIC_NEGATIVE : 0);
            putShort(scale);
            for (int weight = highest; count > 0 && weight >= lowest; weight--) {
                putShort(group(decimalDigits, first, length, scale, weight));
            }
        }

        /**
         * The base-10,000 digit of weight {@code weight}: the decimal digits of 10^(4w+3) down to 10^(4w), the digit of
         * 10^e being {@code decimalDigits[first + length - 1 - scale - e]} within the value's digits and 0 outside.
         */
        private static int group(byte[] decimalDigits, int first, int length, int scale, int weight) {
            int group = 0;
            for (int e = 4 * weight + 3; e >= 4 * weight; e--) {
                int at = length - 1 - scale - e;
                group = group * 10 + (at >= 0 && at < length ? decimalDigits[first + at] - '0' : 0);
            }
            return group;
        }

        /**
         * A string as UTF-8 with the text format's escapes; an unpaired surrogate becomes '?', as {@link String#getBytes}
         * has it. ASCII that needs no escape, nearly all that intake writes, goes straight into the page while it has
         * room; the first other character, or the page's end, hands the rest to the general loop.
         */
        private void escapedUtf8(String text) {
            int length = text.length();
            byte[] target = page;
            int at = used;
            int end = Math.min(length, PAGE - at);
            int i = 0;
            while (i < end) {
                char c = text.charAt(i);
                if (c >= 0x80 || c < ' ' || c == '\\') {
                    break;
                }
                target[at++] = (byte) c;
                i++;
            }
            used = at;
            for (; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    i = multiByte(text, i, c);
                } else {
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
                }
            }
        }

        /** Writes the character at {@code i}, not ASCII, in UTF-8; answers the index of its last char. */
        private int multiByte(String text, int i, char c) {
            if (c < 0x800) {
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
            return i;
        }

        // the text format

        void textValue(Object value) {
            if (value == null) {
                put('\\');
                put('N');
            } else if (value instanceof String text) {
                escapedUtf8(text);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                textWhole(((Number) value).longValue());
            } else if (value instanceof BigDecimal decimal) {
                textDecimal(decimal);
            } else if (value instanceof LocalDate date) {
                textDate(date);
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
                escapedUtf8(value.toString());
            }
        }

        /** A decimal as {@link BigDecimal#toPlainString} writes it, without building the string for the usual sizes. */
        private void textDecimal(BigDecimal decimal) {
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

        private void textWhole(long value) {
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

        private void textDate(LocalDate date) {
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

        // bytes

        void put(byte[] bytes) {
            int from = 0;
            while (from < bytes.length) {
                roomForOne();
                int n = Math.min(bytes.length - from, PAGE - used);
                System.arraycopy(bytes, from, page, used, n);
                used += n;
                from += n;
            }
        }

        void putShort(int value) {
            put(value >> 8);
            put(value);
        }

        void putInt(int value) {
            if (PAGE - used >= 4) {
                byte[] target = page;
                int at = used;
                target[at] = (byte) (value >> 24);
                target[at + 1] = (byte) (value >> 16);
                target[at + 2] = (byte) (value >> 8);
                target[at + 3] = (byte) value;
                used = at + 4;
            } else {
                putShort(value >> 16);
                putShort(value);
            }
        }

        void putLong(long value) {
            putInt((int) (value >> 32));
            putInt((int) value);
        }

        void put(int b) {
            roomForOne();
            page[used++] = (byte) b;
        }

        /** Starts a new page when the one being filled is full. */
        private void roomForOne() {
            if (used == PAGE) {
                full.add(page);
                page = new byte[PAGE];
                used = 0;
            }
        }
    }
}
