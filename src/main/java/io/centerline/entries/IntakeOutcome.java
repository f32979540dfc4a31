package io.centerline.entries;

import java.util.List;

/** What became of one submitted entry summary; {@code position} is its place in the batch, from 1. */
public sealed interface IntakeOutcome {

    int position();

    /** Stored as a new summary (version 1) or as a post-summary correction (a later version). */
    record Accepted(int position, EntryNumber entryNumber, int version) implements IntakeOutcome {}

    /** Identical to the stored current version, which stays as it is. */
    record Duplicate(int position, EntryNumber entryNumber, int version) implements IntakeOutcome {}

    /** Refused and stored nowhere; {@code conflict} when it differs from a stored summary of the same number. */
    record Rejected(int position, String entryNumber, List<IntakeError> errors, boolean conflict)
            implements IntakeOutcome {}
}
