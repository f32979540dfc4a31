package io.centerline.entries.intake;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import java.util.List;

/**
 * One record taken from an intake stream, numbered from 1 in the order it stood: either a submission that could be
 * read, or the reasons it could not be (malformed JSON, a short CATAIR record, ...). Its {@code fileLine} is where it
 * starts in its file or request body, from 1: the line of an NDJSON summary, the line of the first CSV row of a summary
 * (the header is line 1), the line of the first record of an AE transaction; 0 for a record read from no file.
 */
public sealed interface ReadRecord {

    int position();

    long fileLine();

    /** The same record, starting at a line of its file. */
    ReadRecord startingAt(long fileLine);

    /**
     * A submission read. It is {@code datedOnReceipt} when its form states no summary date (a CATAIR AE transaction)
     * and its summary date is the business date it was received: sent again on a later day, it says the same thing.
     */
    record Parsed(int position, SubmittedEntrySummary summary, boolean datedOnReceipt, long fileLine)
            implements ReadRecord {

        public Parsed(int position, SubmittedEntrySummary summary, boolean datedOnReceipt) {
            this(position, summary, datedOnReceipt, 0);
        }

        /** A submission whose summary date is the one its filer stated. */
        public Parsed(int position, SubmittedEntrySummary summary) {
            this(position, summary, false, 0);
        }

        @Override
        public Parsed startingAt(long line) {
            return new Parsed(position, summary, datedOnReceipt, line);
        }
    }

    record Unreadable(int position, String entryNumber, List<IntakeError> errors, long fileLine) implements ReadRecord {

        public Unreadable(int position, String entryNumber, List<IntakeError> errors) {
            this(position, entryNumber, errors, 0);
        }

        @Override
        public Unreadable startingAt(long line) {
            return new Unreadable(position, entryNumber, errors, line);
        }
    }
}
