package io.centerline.entries.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.entries.IntakeError;
import io.centerline.entries.validation.SubmittedSummaries.SummaryBuilder;
import java.time.LocalDate;
import java.util.List;

/** Runs the validator on the test code lists at the business date 2026-06-30. */
final class Validations {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 6, 30);

    private static final EntrySummaryValidator VALIDATOR = new EntrySummaryValidator(new TestCodes());

    private Validations() {}

    static Validation validate(SummaryBuilder summary) {
        return VALIDATOR.validate(summary.build(), BUSINESS_DATE);
    }

    /** The errors of a summary that must be refused. */
    static List<IntakeError> errorsOf(SummaryBuilder summary) {
        Validation validation = validate(summary);
        assertThat(validation).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) validation).errors();
    }

    /** The outcome of a summary that must be accepted. */
    static Validation.Valid accepted(SummaryBuilder summary) {
        Validation validation = validate(summary);
        assertThat(validation).isInstanceOf(Validation.Valid.class);
        return (Validation.Valid) validation;
    }
}
