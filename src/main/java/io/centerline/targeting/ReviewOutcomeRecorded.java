package io.centerline.targeting;

/** A review outcome was recorded; rule effectiveness and the next model training take it in. */
public record ReviewOutcomeRecorded(ReviewOutcome outcome) {}
