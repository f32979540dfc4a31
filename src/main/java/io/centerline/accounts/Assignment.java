package io.centerline.accounts;

import io.centerline.reference.CenterCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One decision in the history of an account's Center: the Center, why (first assignment, re-assessment as the trade
 * mix changed, an override with its written reason, or the lifting of one), and each Center's share of the trade it
 * was weighed on.
 */
public record Assignment(
        CenterCode center,
        Kind kind,
        AssignmentMetric metric,
        Map<String, BigDecimal> shares,
        String reason,
        String decidedBy,
        Instant decidedAt) {

    /** How an assignment came about. */
    public enum Kind {
        /** The first assignment, when the account's first entry summary arrived. */
        INITIAL,
        /** A different Center became predominant in the trailing trade. */
        REASSESSED,
        /** An authorised user placed the account with a Center, with a written reason. */
        OVERRIDE,
        /** The override was lifted and the account follows its trade again. */
        OVERRIDE_LIFTED
    }
}
