package io.centerline.entries.validation;

import io.centerline.entries.SubmittedEntrySummary;
import java.time.LocalDate;

/** One named rule an entry summary must satisfy; it reports what it finds and never throws. */
interface SummaryPolicy {

    void check(SubmittedEntrySummary summary, Context context, Findings findings);

    /** What a policy may consult: the code lists and the business date. */
    record Context(KnownCodes codes, LocalDate businessDate) {}
}
