package io.centerline.entries.intake;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import java.util.List;

/**
 * One record taken from an intake stream, numbered from 1 in the order it stood: either a submission that could be
 * read, or the reasons it could not be (malformed JSON, a short CATAIR record, ...).
 */
public sealed interface ReadRecord {

    int position();

    /**
     * A submission read. It is {@code datedOnReceipt} when its form states no summary date (a CATAIR AE transaction)
     * and its summary date is the business date it was received: sent again on a later day, it says the same thing.
     */
    record Parsed(int position, SubmittedEntrySummary summary, boolean datedOnReceipt) implements ReadRecord {

        /** A submission whose summary date is the one its filer stated. */
        public Parsed(int position, SubmittedEntrySummary summary) {
            this(position, summary, false);
        }
    }

    record Unreadable(int position, String entryNumber, List<IntakeError> errors) implements ReadRecord {}
}
