package io.centerline.targeting.rules;

import java.time.Instant;

/**
 * A rule version's suspension for exceeding its evaluation budget too often ({@link RuleLimits#SUSPEND_AFTER_STOPS}
 * stops): scoring passes the version by while the suspension is open, in every instance and after a restart, until a
 * targeter resumes it or a new version replaces it.
 *
 * @param cause the message of the last evaluation that was stopped
 * @param stops how many evaluations had been stopped when it was suspended
 * @param resumedAt when a targeter resumed it, or {@code null} while it is open
 */
public record RuleSuspension(
        long id,
        RuleCode code,
        int version,
        Instant suspendedAt,
        String cause,
        int stops,
        Instant resumedAt,
        String resumedBy,
        String resumeReason) {

    public boolean open() {
        return resumedAt == null;
    }
}
