package io.centerline.entries.validation;

import io.centerline.entries.SubmittedEntrySummary;
import java.time.LocalDate;

/** One named rule an entry summary must satisfy; it reports what it finds and never throws. */
interface SummaryPolicy {

    void check(SubmittedEntrySummary summary, Context context, Findings findings);

    /**
     * What a policy may consult: the code lists, the business date, and the label of each line of the summary it
     * checks, worked out once for every policy that names a line.
     */
    record Context(KnownCodes codes, LocalDate businessDate, int[] lineLabels) {

        /** The number by which errors name the line at an index: its own line number, else its place from one. */
        int label(int index) {
            return lineLabels[index];
        }
    }
}
