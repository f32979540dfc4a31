package io.centerline.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * connection (and so in the caller's transaction). Nulls are written as {@code \N}; tabs, newlines and backslashes in
 * values are escaped. Rows are kept in pages of about {@value #PAGE} characters rather than one growing buffer, so a
 * large chunk never needs one large array.
 */
public final class PostgresCopy {

    private static final int PAGE = 32 * 1024;

    private final String sql;
    private final List<StringBuilder> pages = new ArrayList<>();
    private StringBuilder rows = new StringBuilder(PAGE + 1024);
    private int count;

    public PostgresCopy(String table, String... columns) {
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
    }

    public PostgresCopy row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            append(values[i]);
        }
        rows.append('\n');
        count++;
        if (rows.length() >= PAGE) {
            pages.add(rows);
            rows = new StringBuilder(PAGE + 1024);
        }
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
            for (StringBuilder page : pages) {
                byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
                copyIn.writeToCopy(bytes, 0, bytes.length);
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copyIn.writeToCopy(bytes, 0, bytes.length);
            return copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    private void append(Object value) {
        if (value == null) {
            rows.append("\\N");
        } else if (value instanceof BigDecimal decimal) {
            rows.append(decimal.toPlainString());
        } else if (value instanceof Instant instant) {
            rows.append(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof LocalDate || value instanceof Number || value instanceof Boolean) {
            rows.append(value);
        } else {
            escape(value.toString());
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
