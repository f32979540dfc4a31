package io.centerline.accounts;

import io.centerline.reference.CenterCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trade routed to accounts but not yet recorded: where each importer's entry summaries land, and the changes of
 * Center that recording it will write (see {@link Accounts#route} and {@link Accounts#record}). Recording also
 * marks the accounts of {@code firstWeighedOnWindow} as weighed on the trailing window that starts on {@code window}.
 * The accounts of {@code weighAfterBatch} keep their Center for now, though some of their new trade falls to another
 * Center; the caller weighs them again with {@link Accounts#weighAfterBatch} once the batch is stored.
 */
public record TradePlan(
        List<TradeContribution> trade,
        Map<ImporterNumber, Long> ids,
        Map<ImporterNumber, Routing> routing,
        List<Change> changes,
        List<Long> firstWeighedOnWindow,
        LocalDate window,
        String actor,
        Instant decidedAt,
        Set<Long> weighAfterBatch) {

    /** A change of an account's Center, with each Center's share of the trade it was weighed on. */
    public record Change(
            long accountId,
            ImporterNumber importer,
            CenterCode before,
            CenterCode after,
            Assignment.Kind kind,
            Map<String, BigDecimal> shares) {}
}
