package io.centerline.entries.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The lines of a byte stream, each left in place in a buffer for a parser to read from: no line is decoded into a
 * string first. A line ends at a line feed, with a carriage return before it dropped; the last line needs no line feed.
 * The buffer grows to hold the longest line, so a line of any length is read whole.
 */
final class ByteLines {

    private static final int INITIAL_CAPACITY = 1 << 16;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    /** The bytes read and not yet handed out as lines are {@code buffer[next, end)}. */
    private int next;

    private int end;
    private boolean exhausted;
    private int start;
    private int length;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false when the stream has none left. */
    boolean advance() {
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
