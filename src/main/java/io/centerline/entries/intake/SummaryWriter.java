package io.centerline.entries.intake;

import io.centerline.entries.SubmittedEntrySummary;
import java.io.Closeable;

/** Writes entry summaries in one of the intake formats, so that what is written reads back unchanged. */
public interface SummaryWriter extends Closeable {

    void write(SubmittedEntrySummary summary);

    @Override
    void close();
}
