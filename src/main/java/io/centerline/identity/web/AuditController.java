package io.centerline.identity.web;

import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of a subject, for CBP staff. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(
            summary = "Every audit row of a subject, oldest first",
            description = "Subject types: entry-summary (rejections), intake-batch (acceptances, and rejections of"
                    + " records without a readable entry number; each stored version"
                    + " names its intakeBatch), account, user, hts-center-map.")
    @GetMapping("/{subjectType}/{subjectId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'SPECIALIST', 'ACCOUNT_MANAGER', 'TARGETER')")
    List<AuditEntry> trail(@PathVariable String subjectType, @PathVariable String subjectId) {
        return audit.forSubject(subjectType, subjectId);
    }
}
