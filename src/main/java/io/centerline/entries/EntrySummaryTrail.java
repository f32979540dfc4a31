package io.centerline.entries;

import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.centerline.identity.SubjectTrail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail of an entry summary. Intake audits the acceptances of a chunk in one row of its intake batch (decision
 * record 0004), so the trail reads the acceptance of each stored version from the row of the batch that brought it,
 * beside the rows recorded under the entry number itself (rejections, changes of its selection). An entry number is
 * found whether it is written with or without dashes.
 */
@Component
class EntrySummaryTrail implements SubjectTrail {

    static final String SUBJECT = "entry-summary";

    private final AuditLog audit;
    private final JdbcClient jdbc;

    EntrySummaryTrail(AuditLog audit, JdbcClient jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Override
    public String subjectType() {
        return SUBJECT;
    }

    @Override
    public List<AuditEntry> trail(String subjectId) {
        Set<String> ids = new LinkedHashSet<>(List.of(subjectId));
        EntryNumber.tryParse(subjectId).ifPresent(number -> {
            ids.add(number.value());
            ids.add(number.formatted());
        });
        List<AuditEntry> trail = new ArrayList<>(audit.forSubjects(SUBJECT, ids));
        EntryNumber.tryParse(subjectId).ifPresent(number -> trail.addAll(acceptances(number.value())));
        trail.sort(Comparator.comparing(AuditEntry::occurredAt));
        return trail;
    }

    /** The acceptance of each stored version of the entry, read from the audit row of its intake batch. */
    private List<AuditEntry> acceptances(String number) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        Set<String> batches = new LinkedHashSet<>();
        jdbc.sql("select version, intake_batch from entry_summary where entry_number = ? order by version")
                .param(number)
                .query(rs -> {
                    versions.put(number + "/" + rs.getInt(1), rs.getInt(1));
                    batches.add(rs.getString(2));
                });
        List<AuditEntry> acceptances = new ArrayList<>();
        for (AuditEntry row : audit.forSubjects("intake-batch", batches)) {
            if (!"ENTRY_SUMMARIES_ACCEPTED".equals(row.action())
                    || !(row.detail().get("entries") instanceof List<?> refs)) {
                continue;
            }
            for (Object ref : refs) {
                Integer version = versions.get(String.valueOf(ref));
                if (version != null) {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("version", version);
                    detail.put("intakeBatch", row.subjectId());
                    acceptances.add(new AuditEntry(
                            row.occurredAt(), row.actor(), "ENTRY_SUMMARY_ACCEPTED", SUBJECT, number, detail));
                }
            }
        }
        return acceptances;
    }
}
