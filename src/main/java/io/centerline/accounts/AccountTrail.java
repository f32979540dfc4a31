package io.centerline.accounts;

import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.centerline.identity.SubjectTrail;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The audit trail of an importer account. Its rows are recorded under the importer number as it is held, in capitals;
 * the trail finds them however the number is written, as intake and the account read-back read it. A text that is no
 * importer number is looked up as written, and finds nothing.
 */
@Component
class AccountTrail implements SubjectTrail {

    static final String SUBJECT = "account";

    private final AuditLog audit;

    AccountTrail(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String subjectType() {
        return SUBJECT;
    }

    @Override
    public List<AuditEntry> trail(String subjectId) {
        return audit.forSubject(
                SUBJECT,
                ImporterNumber.tryParse(subjectId).map(ImporterNumber::value).orElse(subjectId));
    }
}
