package io.centerline.accounts;

import io.centerline.reference.CenterCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An importer account as the API shows it: its Center, the basis of that assignment and its history. */
public record AccountView(
        String importerNumber,
        ImporterNumber.Kind importerNumberKind,
        CenterCode center,
        AssignmentMetric assignmentMetric,
        Basis assignmentBasis,
        Override override,
        List<Assignment> assignmentHistory,
        List<TrustedPartnerStatus> trustedPartner,
        Instant createdAt) {

    /**
     * The account as the trade reads it: who at CBP, or which gateway's service account, decided each assignment or
     * placed the override is left out (the decision and its reason stay), so that an importer's broker learns neither
     * staff names nor other filers' accounts.
     */
    public AccountView withoutUserNames() {
        return new AccountView(
                importerNumber,
                importerNumberKind,
                center,
                assignmentMetric,
                assignmentBasis,
                override == null ? null : new Override(override.center(), override.reason(), null, override.at()),
                assignmentHistory.stream()
                        .map(a -> new Assignment(
                                a.center(), a.kind(), a.metric(), a.shares(), a.reason(), null, a.decidedAt()))
                        .toList(),
                trustedPartner,
                createdAt);
    }

    /** Each Center's share (percent) of the account's trade over a window of months, by the assignment metric. */
    public record Basis(LocalDate from, LocalDate to, Map<String, BigDecimal> shares, Map<String, BigDecimal> values) {}

    /** A standing override of the computed assignment. */
    public record Override(CenterCode center, String reason, String by, Instant at) {}

    /** Membership of a trusted-partner program for a period. */
    public record TrustedPartnerStatus(String program, LocalDate from, LocalDate to, boolean activeToday) {}
}
