package io.centerline.targeting.rules;

import io.centerline.reference.CenterCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One version of a targeter's rule. Its content never changes once stored; a change is a new version. It is in force
 * on the days of its active period (both ends included; no end while open), and where two versions of a rule are in
 * force on a date the higher one applies. It applies to entry summaries of its Center, or of every Center without one.
 *
 * @param center the Center it is scoped to, or {@code null} for every Center
 * @param reasonTemplate the specialist's reason, with {@code {field}} placeholders (see {@link ReasonTemplate})
 * @param tradeReason what the importer reads: what is being looked at, in plain words, never how it was found
 * @param strength how strongly a hit argues for review, from 0 to 1
 * @param activeTo the last day in force, or {@code null} while open-ended
 */
public record Rule(
        RuleCode code,
        int version,
        String name,
        String owner,
        CenterCode center,
        String expression,
        String reasonTemplate,
        String tradeReason,
        double strength,
        LocalDate activeFrom,
        LocalDate activeTo,
        String createdBy,
        Instant createdAt,
        String retiredBy,
        Instant retiredAt) {

    public boolean inForceOn(LocalDate date) {
        return date != null && !date.isBefore(activeFrom) && (activeTo == null || !date.isAfter(activeTo));
    }

    /**
     * The version of a rule that governs a day: the latest of those started by then, which replaces every earlier one
     * from its start. It applies only if its own period holds the day ({@link #inForceOn}): a version that has ended
     * does not give the day back to the one it replaced. Empty before any version has started.
     */
    public static Optional<Rule> governing(List<Rule> versions, LocalDate day) {
        return versions.stream()
                .filter(version -> !day.isBefore(version.activeFrom()))
                .max(Comparator.comparingInt(Rule::version));
    }

    public boolean appliesTo(String centerOfEntry) {
        return center == null || center.value().equals(centerOfEntry);
    }
}
