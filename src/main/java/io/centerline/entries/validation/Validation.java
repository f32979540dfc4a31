package io.centerline.entries.validation;

import io.centerline.entries.EntrySummary;
import io.centerline.entries.IntakeError;
import io.centerline.entries.Warning;
import java.util.List;

/** The outcome of validating a submission: a valid summary with any warnings, or every reason it was refused. */
public sealed interface Validation {

    record Valid(EntrySummary summary, List<Warning> warnings) implements Validation {}

    record Invalid(List<IntakeError> errors) implements Validation {}
}
