package io.centerline.targeting.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rule would have selected among the stored entry summaries of a period: "would have selected 312 entries, 41
 * of them reviewed before, 30 with a finding", in total and per Center, with the revenue those findings brought and a
 * few of the entry numbers.
 *
 * @param code the rule's code, or {@code null} for a draft expression
 * @param version the rule's version, or {@code null} for a draft expression
 * @param from the first entry date read
 * @param to the last entry date read (the business date)
 * @param center the Center whose entries were read, or {@code null} for all
 * @param linesEvaluated lines the rule ran on
 * @param undetermined line evaluations whose outcome depended on an undeclared number
 * @param errors line evaluations that failed (the rule did not fire there)
 * @param firstError the message of the first failure, or {@code null}
 * @param samples up to ten selected entry numbers, those with a finding first
 */
public record BacktestReport(
        String expression,
        RuleCode code,
        Integer version,
        LocalDate from,
        LocalDate to,
        String center,
        String summary,
        Tally total,
        List<Tally> byCenter,
        long linesEvaluated,
        long undetermined,
        long errors,
        String firstError,
        List<String> samples) {

    /**
     * The counts of one Center, or of all.
     *
     * @param center the Center, or {@code null} for the total
     * @param entries entry summaries the rule ran on
     * @param selected entry summaries it fired on
     * @param reviewedBefore selected entry summaries that had been reviewed
     * @param withFinding selected entry summaries whose review found something
     * @param revenueFound the revenue difference of those findings, in US dollars
     * @param hitRate {@code withFinding / reviewedBefore}, or {@code null} without reviews
     */
    public record Tally(
            String center,
            long entries,
            long selected,
            long reviewedBefore,
            long withFinding,
            BigDecimal revenueFound,
            Double hitRate) {}
}
