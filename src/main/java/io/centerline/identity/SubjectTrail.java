package io.centerline.identity;

import java.util.List;

/**
 * The audit trail of a subject type whose module records some of its facts under other subjects (an entry summary's
 * acceptance is audited with its intake batch): the module gathers them, so that the trail of one subject tells all
 * that happened to it.
 */
public interface SubjectTrail {

    /** The subject type whose trails this gathers, such as {@code entry-summary}. */
    String subjectType();

    /** Every audit row of the subject, in the order they occurred; the subject's id as a user may write it. */
    List<AuditEntry> trail(String subjectId);
}
