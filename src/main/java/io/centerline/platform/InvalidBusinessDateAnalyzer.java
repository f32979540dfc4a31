package io.centerline.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells a user who starts Centerline, or one of its commands, with a business date that is not a date what is wrong
 * and what to set, in place of the stack trace of the date parser.
 */
class InvalidBusinessDateAnalyzer extends AbstractFailureAnalyzer<BusinessClock.InvalidDate> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BusinessClock.InvalidDate cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set CENTERLINE_BUSINESS_DATE to a date of the form YYYY-MM-DD, such as 2026-06-30, or leave it unset to"
                        + " run on the system date.",
                cause);
    }
}
