package io.centerline.identity.web;

import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.centerline.identity.CurrentUser;
import io.centerline.identity.Role;
import io.centerline.identity.SubjectTrail;
import io.centerline.platform.Invalid;
import io.centerline.platform.Shown;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
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

    /**
     * The subjects whose audit rows hold targeting logic (a rule's expression and thresholds, a detector's settings, a
     * model's features, the entity list it matches against): readable by targeters and administrators only, as the
     * targeting API that changes them is, so that a trail never shows other staff what the targeting API hides.
     */
    private static final Set<String> TARGETING_SUBJECTS =
            Set.of("targeting-rule", "detector", "risk-model", "forced-labour-list");

    private final AuditLog audit;
    private final Map<String, SubjectTrail> trails;

    AuditController(AuditLog audit, List<SubjectTrail> trails) {
        this.audit = audit;
        this.trails = trails.stream().collect(Collectors.toUnmodifiableMap(SubjectTrail::subjectType, t -> t));
    }

    @Operation(
            summary = "Every audit row of a subject, oldest first",
            description = "Subject types: entry-summary (its number with or without dashes: the acceptance of each"
                    + " version, rejections, changes of its selection), intake-batch (acceptances, and rejections of"
                    + " records without a readable entry number; each stored version"
                    + " names its intakeBatch), account (its importer number in any case), center (its review"
                    + " capacity), user, hts-center-map, demo; targeting-rule, detector, risk-model"
                    + " and forced-labour-list for targeters and administrators only. Any other type is refused with"
                    + " 400 AUDIT_SUBJECT_UNKNOWN.")
    @GetMapping("/{subjectType}/{subjectId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'SPECIALIST', 'ACCOUNT_MANAGER', 'TARGETER')")
    List<AuditEntry> trail(@PathVariable String subjectType, @PathVariable String subjectId) {
        if (!AuditLog.SUBJECT_TYPES.contains(subjectType)) {
            throw new Invalid(
                    "AUDIT_SUBJECT_UNKNOWN",
                    "There is no audit trail of a '" + Shown.value(subjectType) + "': the subject types are "
                            + String.join(", ", AuditLog.SUBJECT_TYPES) + ".");
        }
        if (TARGETING_SUBJECTS.contains(subjectType) && !CurrentUser.hasAnyRole(Role.TARGETER, Role.ADMIN)) {
            throw new AccessDeniedException("The trail of a " + subjectType + " is for targeters and administrators");
        }
        SubjectTrail trail = trails.get(subjectType);
        return trail == null ? audit.forSubject(subjectType, subjectId) : trail.trail(subjectId);
    }
}
