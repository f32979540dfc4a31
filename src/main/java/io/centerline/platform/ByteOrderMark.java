package io.centerline.platform;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The byte order mark that spreadsheet programs write at the start of a UTF-8 CSV file: read as text it would become
 * part of the first column's name, so every CSV reader skips it. The marks of UTF-16 and UTF-32 say instead that the
 * text is not UTF-8 at all, which {@link #otherEncoding(byte[])} names.
 */
public final class ByteOrderMark {

    private ByteOrderMark() {}

    /** The text without a byte order mark at its start. */
    public static Reader skipped(Reader in) {
        PushbackReader text = new PushbackReader(in, 1);
        try {
            int first = text.read();
            if (first >= 0 && first != '\uFEFF') {
                text.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    /**
     * The encoding other than UTF-8 that the first bytes of a text show it is in: the byte order mark of UTF-32 (big-
     * or little-endian, checked first, since UTF-32LE's mark begins as UTF-16LE's does) or of UTF-16; empty for UTF-8,
     * with or without its mark, and for text that starts with no mark at all.
     */
    public static Optional<String> otherEncoding(byte[] start) {
        if (startsWith(start, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of("UTF-32 (big-endian)");
        }
        if (startsWith(start, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of("UTF-32 (little-endian)");
        }
        if (startsWith(start, 0xFE, 0xFF)) {
            return Optional.of("UTF-16 (big-endian)");
        }
        if (startsWith(start, 0xFF, 0xFE)) {
            return Optional.of("UTF-16 (little-endian)");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... mark) {
        if (bytes.length < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((bytes[i] & 0xFF) != mark[i]) {
                return false;
            }
        }
        return true;
    }
}
