package io.centerline.entries.intake;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The physical lines of a CATAIR file, numbered from 1, ended by LF, CR LF or CR. Only the first
 * {@value #KEPT} characters of a line are kept while its length is counted, so that memory stays bounded even for a
 * file that never breaks its lines. A line's length is that of its text without the blanks that end it, in characters
 * as a reader counts them (a character outside the Basic Multilingual Plane counts once): blanks that an editor or a
 * transfer left past column 80 (spaces or tabs) hold no field, and a line of blanks alone is empty.
 */
final class AeLines implements Closeable {

    static final int KEPT = AeLayout.RECORD_LENGTH + 1;

    private final BufferedReader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean skipLineFeed;

    AeLines(Reader in) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
    }

    /**
     * One physical line: its number in the file, its first {@value #KEPT} characters and its length without the blanks
     * that end it.
     */
    record Line(long number, String text, long length) {}

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        StringBuilder kept = new StringBuilder(KEPT);
        long read = 0;
        long length = 0;
        while (true) {
            if (position == limit && !fill()) {
                return read == 0 ? null : line(kept, length);
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n') {
                return line(kept, length);
            }
            if (c == '\r') {
                skipLineFeed = true;
                return line(kept, length);
            }
            if (c == '\uFEFF' && lineNumber == 0 && read == 0) {
                continue;
            }
            if (!Character.isLowSurrogate(c)) {
                read++;
                if (!Character.isWhitespace(c)) {
                    length = read;
                }
            }
            if (kept.length() < KEPT) {
                kept.append(c);
            }
        }
    }

    private Line line(StringBuilder kept, long length) {
        lineNumber++;
        return new Line(lineNumber, kept.toString(), length);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
