package io.centerline.entries;

import java.util.List;

/**
 * The tally of a batch: the identifier of the intake batch its audit rows are recorded under, how many summaries were
 * accepted, how many were duplicates, and every rejection.
 */
public record IntakeReport(String intakeBatch, long accepted, long duplicates, List<IntakeOutcome.Rejected> rejected) {}
