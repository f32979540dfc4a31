package io.centerline.identity;

import io.centerline.platform.PostgresCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log. Rows are written in the caller's transaction, so an audited change and its audit row
 * commit or roll back together; the database refuses updates and deletes of audit rows. Every row is of one of the
 * {@link #SUBJECT_TYPES}, and rows are read back in the order they were written.
 */
@Service
public class AuditLog {

    /**
     * The types of subject the log keeps rows of, as the audit API names them: a row of any other type is refused when
     * written, so that a trail asked for by any other type is known to be none.
     */
    public static final Set<String> SUBJECT_TYPES = Collections.unmodifiableSet(new TreeSet<>(Set.of(
            "account",
            "center",
            "demo",
            "detector",
            "entry-summary",
            "forced-labour-list",
            "hts-center-map",
            "intake-batch",
            "risk-model",
            "targeting-rule",
            "user")));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> detail) {
        known(subjectType);
        jdbc.sql("insert into audit_log (occurred_at, actor, action, subject_type, subject_id, detail)"
                        + " values (?, ?, ?, ?, ?, ?::jsonb)")
                .params(
                        Timestamp.from(clock.instant()),
                        actor,
                        action,
                        subjectType,
                        subjectId,
                        JSON.writeValueAsString(detail))
                .update();
    }

    /** Appends many rows at once with PostgreSQL {@code COPY} on the caller's connection. */
    public void recordAll(Connection connection, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        PostgresCopy copy =
                new PostgresCopy("audit_log", "occurred_at", "actor", "action", "subject_type", "subject_id", "detail");
        for (AuditEntry entry : entries) {
            known(entry.subjectType());
            copy.row(
                    entry.occurredAt(),
                    entry.actor(),
                    entry.action(),
                    entry.subjectType(),
                    entry.subjectId(),
                    JSON.writeValueAsString(entry.detail()));
        }
        copy.into(connection);
    }

    private static void known(String subjectType) {
        if (!SUBJECT_TYPES.contains(subjectType)) {
            throw new IllegalStateException("The audit log keeps no rows of subject type '" + subjectType
                    + "'; add it to AuditLog.SUBJECT_TYPES (and the audit API's description) first");
        }
    }

    public List<AuditEntry> forSubject(String subjectType, String subjectId) {
        return forSubjects(subjectType, List.of(subjectId));
    }

    /**
     * The rows of the subjects of one type (one subject under several ids), in the order they were written: rows that
     * share a timestamp, as the rows of one transaction do, keep the order of their writing.
     */
    public List<AuditEntry> forSubjects(String subjectType, Collection<String> subjectIds) {
        return jdbc.sql("select occurred_at, actor, action, subject_type, subject_id, detail from audit_log"
                        + " where subject_type = ? and subject_id = any(?) order by id")
                .params(subjectType, subjectIds.toArray(String[]::new))
                .query((rs, i) -> new AuditEntry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null
                                ? Map.of()
                                : JSON.readValue(rs.getString(6), new TypeReference<Map<String, Object>>() {})))
                .list();
    }
}
