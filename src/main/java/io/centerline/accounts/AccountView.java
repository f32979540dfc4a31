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

    /** Each Center's share (percent) of the account's trade over a window of months, by the assignment metric. */
    public record Basis(LocalDate from, LocalDate to, Map<String, BigDecimal> shares, Map<String, BigDecimal> values) {}

    /** A standing override of the computed assignment. */
    public record Override(CenterCode center, String reason, String by, Instant at) {}

    /** Membership of a trusted-partner program for a period. */
    public record TrustedPartnerStatus(String program, LocalDate from, LocalDate to, boolean activeToday) {}
}
