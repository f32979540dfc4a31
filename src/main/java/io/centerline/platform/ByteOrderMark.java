package io.centerline.platform;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The byte order mark that spreadsheet programs write at the start of a UTF-8 CSV file: read as text it would become
 * part of the first column's name, so every CSV reader skips it.
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
}
