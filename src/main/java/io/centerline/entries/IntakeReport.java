package io.centerline.entries;

import java.util.List;

/** The tally of a batch: how many summaries were accepted, how many were duplicates, and every rejection. */
public record IntakeReport(long accepted, long duplicates, List<IntakeOutcome.Rejected> rejected) {}
