package io.centerline.identity;

import java.time.Instant;
import java.util.Map;

/** One line of the audit log: who did what to which subject, when, with the facts that mattered. */
public record AuditEntry(
        Instant occurredAt, String actor, String action, String subjectType, String subjectId, Map<String, ?> detail) {}
