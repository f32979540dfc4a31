package io.centerline.entries.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The lines of a byte stream, each left in place in a buffer for a parser to read from: no line is decoded into a
 * string first. A line ends at a line feed, with a carriage return before it dropped; the last line needs no line feed.
 * The buffer grows to hold the longest line up to a limit; a line longer than that is skipped to its end without being
 * held, and only its length is reported ({@link #overlong()}), so that memory stays bounded whatever the stream holds.
 */
final class ByteLines {

    private static final int INITIAL_CAPACITY = 1 << 16;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    /** The bytes read and not yet handed out as lines are {@code buffer[next, end)}. */
    private int next;

    private int end;
    private boolean exhausted;
    private int start;
    private int length;
    /** The full length of the current line when it is longer than the limit, or -1. */
    private long overlong = -1;

    ByteLines(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("A line holds at least one byte, not " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Moves to the next line; false when the stream has none left. */
    boolean advance() {
        overlong = -1;
        int from = next;
        while (true) {
            int feed = indexOf((byte) '\n', from, end);
            if (feed >= 0) {
                take(feed, feed + 1);
                return true;
            }
            if (exhausted) {
                if (next == end) {
                    return false;
                }
                take(end, end);
                return true;
            }
            // more than the limit and a carriage return that may end the line
            if (end - next > maxLineBytes + 1) {
                skipOverlong();
                return true;
            }
            int searched = end - next;
            fill();
            from = next + searched;
        }
    }

    /** The buffer holding the current line; valid until the next {@link #advance()}. */
    byte[] buffer() {
        return buffer;
    }

    /** Where the current line starts in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** The current line's length in bytes, without its line end. */
    int length() {
        return length;
    }

    /**
     * The length in bytes of the current line, without its line end, when it is longer than the limit; -1 when it is
     * not. An overlong line is not held: its {@link #length()} is zero.
     */
    long overlong() {
        return overlong;
    }

    /** Whether the current line holds nothing but spaces and tabs. */
    boolean isBlank() {
        for (int i = start; i < start + length; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private void take(int lineEnd, int after) {
        start = next;
        length = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 - start : lineEnd - start;
        next = after;
        if (length > maxLineBytes) {
            overlong = length;
            length = 0;
        }
    }

    /** Reads past the end of a line too long to hold, counting its bytes, and leaves it as the current line. */
    private void skipOverlong() {
        long skipped = 0;
        boolean carriageReturn = false;
        while (true) {
            int feed = indexOf((byte) '\n', next, end);
            int stop = feed >= 0 ? feed : end;
            if (stop > next) {
                skipped += stop - next;
                carriageReturn = buffer[stop - 1] == '\r';
            }
            next = feed >= 0 ? feed + 1 : end;
            if (feed >= 0 || exhausted) {
                break;
            }
            fill();
        }
        start = next;
        length = 0;
        overlong = carriageReturn ? skipped - 1 : skipped;
    }

    /** Reads more of the stream behind the bytes not yet handed out, moving or growing the buffer for room. */
    private void fill() {
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, end - next);
            end -= next;
            next = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                exhausted = true;
            } else {
                end += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int indexOf(byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
