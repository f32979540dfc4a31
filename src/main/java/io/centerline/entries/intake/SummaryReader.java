package io.centerline.entries.intake;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Reads entry summaries one at a time from a stream, in constant memory whatever the stream's length. A record that
 * cannot be read becomes a {@link ReadRecord.Unreadable} and reading goes on with the next one.
 */
public interface SummaryReader extends Iterator<ReadRecord>, Closeable {

    @Override
    void close();
}
