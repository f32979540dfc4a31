package io.centerline.entries;

import java.util.List;

/** What became of one submitted entry summary; {@code position} is its place in the batch, from 1. */
public sealed interface IntakeOutcome {

    int position();

    /** Stored as a new summary (version 1) or as a post-summary correction (a later version). */
    record Accepted(int position, EntryNumber entryNumber, int version) implements IntakeOutcome {}

    /**
     * Identical to a version the same account filed, which stays as it is; a copy of another account's summary is
     * rejected instead.
     */
    record Duplicate(int position, EntryNumber entryNumber, int version) implements IntakeOutcome {}

    /**
     * Refused and stored nowhere; {@code conflict} when it clashes with a stored summary of the same number: it
     * differs from it, or copies one another account filed.
     * {@code fileLine} is where the record starts in the file or body of its batch, from 1 (0 when it came from none).
     */
    record Rejected(int position, String entryNumber, List<IntakeError> errors, boolean conflict, long fileLine)
            implements IntakeOutcome {

        public Rejected(int position, String entryNumber, List<IntakeError> errors, boolean conflict) {
            this(position, entryNumber, errors, conflict, 0);
        }
    }
}
