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

    record Parsed(int position, SubmittedEntrySummary summary) implements ReadRecord {}

    record Unreadable(int position, String entryNumber, List<IntakeError> errors) implements ReadRecord {}
}
