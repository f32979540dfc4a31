package io.centerline.entries.intake;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of values by the rules commons-csv's default format reads them with, values trimmed and
 * empty lines skipped: a value is quoted only when a quote is its first character; inside the quotes {@code ""} is a
 * quote and a lone quote closes them, after which only white space may come before the comma or the end of the row;
 * a row ends at a line break (CR, LF or CRLF) outside quotes.
 *
 * <p>Unlike a parser that gives up at the first row it cannot read, it says what is wrong with that row and goes on
 * after it, in memory bounded by {@code maxRecord}. A row breaks the rules when characters other than white space
 * follow the quote that closes a value, or when the file ends inside quotes; it is too long when it runs past
 * {@code maxRecord} characters. The broken row is taken to end at the end of the file line its broken value starts on,
 * and reading goes on at the next line. When that value is quoted across line breaks, the lines after its first are
 * read again as rows: a quote opened by mistake (a value written {@code "15 inch laptop}) would otherwise take in the
 * rows after it, up to the next quote in the file or to the longest row allowed. A value rightly quoted across lines
 * and then broken has its later lines read as rows of their own, which most often have too few values to be read as
 * lines of a summary; the broken row says which file lines were read again, so that the rows read from them can be
 * rejected with its summary.
 */
final class CsvRows {

    /** A row of the file, numbered from 1 for the first (the header), from the file line it starts on. */
    sealed interface Row {
        long number();

        long line();
    }

    /** A row read, with its values. */
    record Read(long number, long line, List<String> values) implements Row {}

    /**
     * A row that breaks the quoting rules, or one too long: the values read before the broken one, what is wrong
     * ({@code null} for a row too long outside quotes), the file line reading goes on at, 0 when the file ends with
     * the row, and the last file line read again, the broken value's later lines (0 when none is): a row that starts
     * from {@code resumesAt} up to it is read from them.
     */
    record Broken(
            long number,
            long line,
            List<String> valuesBefore,
            boolean tooLong,
            String problem,
            long resumesAt,
            long readAgainTo)
            implements Row {}

    private static final int END = -1;
    private static final int LINE_BREAK = -2;

    private final Reader in;
    private final int maxRecord;
    private final char[] buffer = new char[8192];
    private int bufferAt;
    private int bufferEnd;
    /** Characters taken back from a broken row, to be read again before the rest of the file. */
    private String again = "";

    private int againAt;
    private long line = 1;
    private int column;
    private long rows;
    /** The characters of the line break just read. */
    private String lineBreak;

    private final List<String> values = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();
    private int length;
    /** The characters of the quoted value being read, from its opening quote on. */
    private final StringBuilder quoted = new StringBuilder();

    private long quoteLine;
    private int quoteColumn;
    /** Where in {@link #quoted} the line after its opening quote's starts, or -1 while it is on that line. */
    private int quotedNextLine;

    CsvRows(Reader in, int maxRecord) {
        this.in = in;
        this.maxRecord = maxRecord;
    }

    /** The next row, or null at the end of the file. */
    Row next() throws IOException {
        int c;
        do {
            c = read();
        } while (c == LINE_BREAK);
        if (c == END) {
            return null;
        }
        rows++;
        long first = line;
        values.clear();
        length = 1;
        while (true) {
            value.setLength(0);
            if (c == '"') {
                quoteLine = line;
                quoteColumn = column;
                quoted.setLength(0);
                quoted.append('"');
                quotedNextLine = -1;
                while (true) {
                    c = readQuoted();
                    if (c == END) {
                        return broken(
                                first,
                                false,
                                "the quote opened at line " + quoteLine + ", character " + quoteColumn
                                        + " is never closed",
                                true);
                    }
                    if (length > maxRecord) {
                        return broken(
                                first,
                                true,
                                "the quote opened at line " + quoteLine + ", character " + quoteColumn
                                        + " is not closed within them",
                                true);
                    }
                    if (c == '"') {
                        if (peek() != '"') {
                            break;
                        }
                        readQuoted();
                    }
                    if (c == LINE_BREAK) {
                        value.append(lineBreak);
                    } else {
                        value.append((char) c);
                    }
                }
                long closedLine = line;
                int closedColumn = column;
                do {
                    c = readQuoted();
                    if (length > maxRecord) {
                        return broken(first, true, null, true);
                    }
                } while (c >= 0 && c != ',' && Character.isWhitespace(c));
                if (c >= 0 && c != ',') {
                    return broken(
                            first,
                            false,
                            "the quote opened at line " + quoteLine + ", character " + quoteColumn + " closes at line "
                                    + closedLine + ", character " + closedColumn + " and '" + (char) c
                                    + "' follows it where a comma or the end of the row belongs (a value holding"
                                    + " quotes is quoted whole, each of its quotes doubled)",
                            true);
                }
            } else {
                while (c >= 0 && c != ',') {
                    value.append((char) c);
                    c = read();
                    if (length > maxRecord) {
                        return broken(first, true, null, false);
                    }
                }
            }
            values.add(value.toString().trim());
            if (c != ',') {
                return new Read(rows, first, List.copyOf(values));
            }
            c = read();
        }
    }

    /**
     * The row starting at file line {@code first}, broken, with reading moved on to the line after the one its broken
     * value starts on: the rest of the current line is read past, or when the value is quoted across lines, the lines
     * after its first are taken back to be read again.
     */
    private Broken broken(long first, boolean tooLong, String problem, boolean inQuotes) throws IOException {
        List<String> before = List.copyOf(values);
        values.clear();
        value.setLength(0);
        long readAgainTo = 0;
        if (inQuotes && quotedNextLine >= 0) {
            readAgainTo = line;
            again = quoted.substring(quotedNextLine) + again.substring(againAt);
            againAt = 0;
            line = quoteLine + 1;
            column = 0;
        } else if (column > 0) {
            int c;
            do {
                c = read();
            } while (c != LINE_BREAK && c != END);
        }
        quoted.setLength(0);
        return new Broken(rows, first, before, tooLong, problem, peek() == END ? 0 : line, readAgainTo);
    }

    /** {@link #read()}, keeping the characters of a quoted value in {@link #quoted}. */
    private int readQuoted() throws IOException {
        int c = read();
        if (c == LINE_BREAK) {
            quoted.append(lineBreak);
            if (quotedNextLine < 0) {
                quotedNextLine = quoted.length();
            }
        } else if (c != END) {
            quoted.append((char) c);
        }
        return c;
    }

    /** The next character, {@link #LINE_BREAK} for CR, LF or CRLF, or {@link #END}; counted into the row's length. */
    private int read() throws IOException {
        int c = take();
        if (c == '\r' || c == '\n') {
            if (c == '\r' && peek() == '\n') {
                take();
                lineBreak = "\r\n";
            } else {
                lineBreak = c == '\r' ? "\r" : "\n";
            }
            length += lineBreak.length();
            line++;
            column = 0;
            return LINE_BREAK;
        }
        if (c != END) {
            length++;
            column++;
        }
        return c;
    }

    private int take() throws IOException {
        if (againAt < again.length()) {
            return again.charAt(againAt++);
        }
        return fill() ? buffer[bufferAt++] : END;
    }

    private int peek() throws IOException {
        if (againAt < again.length()) {
            return again.charAt(againAt);
        }
        return fill() ? buffer[bufferAt] : END;
    }

    private boolean fill() throws IOException {
        while (bufferAt == bufferEnd) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            bufferAt = 0;
            bufferEnd = n;
        }
        return true;
    }

    void close() throws IOException {
        in.close();
    }
}
