package io.centerline.targeting.rules;

import io.centerline.platform.Shown;
import io.centerline.reference.ReferenceData;
import io.centerline.targeting.EntryUnderReview;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a rule, stored or still a draft, over the stored entry summaries of the last N days up to the business date,
 * before anyone switches it on: which entries it would have selected, how many of those had been reviewed and how
 * many reviews found something, per Center. Entries stream through in entry-date order, so the period may be long.
 * A rule that exceeds its evaluation budget {@link RuleLimits#SUSPEND_AFTER_STOPS} times ends the backtest early.
 */
@Service
public class Backtests {

    /** The longest period a backtest reads, in days. */
    public static final int MAX_DAYS = 731;

    private static final int SAMPLES = 10;

    private final Rules rules;
    private final RuleEnvironment environment;
    private final StoredEntryRows rows;
    private final JdbcClient jdbc;
    private final ReferenceData reference;
    private final Clock clock;

    Backtests(
            Rules rules,
            RuleEnvironment environment,
            StoredEntryRows rows,
            JdbcClient jdbc,
            ReferenceData reference,
            Clock clock) {
        this.rules = rules;
        this.environment = environment;
        this.rows = rows;
        this.jdbc = jdbc;
        this.reference = reference;
        this.clock = clock;
    }

    /** Backtests an expression not stored yet, over the entries of one Center or of all. */
    public BacktestResult draft(String expression, Integer days, String center) {
        List<RuleProblem> problems = new ArrayList<>(periodProblems(days));
        if (center != null && !reference.isCenter(center)) {
            problems.add(
                    RuleProblem.of("center", "CENTER_UNKNOWN", "There is no Center '" + Shown.value(center) + "'"));
        }
        RuleEnvironment.Compilation compilation = environment.compile(expression);
        if (compilation instanceof RuleEnvironment.Compilation.Refused refused) {
            problems.addAll(refused.problems());
        }
        if (!problems.isEmpty()) {
            return new BacktestResult.Refused(problems);
        }
        CompiledRule rule = ((RuleEnvironment.Compilation.Compiled) compilation).rule();
        return new BacktestResult.Ran(run(rule, null, null, days, center));
    }

    /**
     * Backtests a stored rule version over the entries of its Center (or, for a rule of every Center, of the Center
     * asked for, or of all).
     */
    public BacktestResult version(String code, int version, Integer days, String center) {
        Rule rule = RuleCode.tryParse(code)
                .flatMap(parsed -> rules.version(parsed, version))
                .orElse(null);
        if (rule == null) {
            return new BacktestResult.NotFound(code, version);
        }
        List<RuleProblem> problems = new ArrayList<>(periodProblems(days));
        String scope = rule.center() == null ? center : rule.center().value();
        if (center != null && !reference.isCenter(center)) {
            problems.add(
                    RuleProblem.of("center", "CENTER_UNKNOWN", "There is no Center '" + Shown.value(center) + "'"));
        } else if (rule.center() != null && center != null && !center.equals(scope)) {
            problems.add(RuleProblem.of(
                    "center", "CENTER_OUT_OF_SCOPE", "Rule " + code + " applies to Center " + scope + " only"));
        }
        RuleEnvironment.Compilation compilation = environment.compile(rule.expression());
        if (compilation instanceof RuleEnvironment.Compilation.Refused refused) {
            problems.addAll(refused.problems());
        }
        if (!problems.isEmpty()) {
            return new BacktestResult.Refused(problems);
        }
        CompiledRule compiled = ((RuleEnvironment.Compilation.Compiled) compilation).rule();
        return new BacktestResult.Ran(run(compiled, rule.code(), rule.version(), days, scope));
    }

    private static List<RuleProblem> periodProblems(Integer days) {
        if (days == null) {
            return List.of(RuleProblem.of("days", "REQUIRED", "Say how many days back the backtest reads"));
        }
        if (days < 1 || days > MAX_DAYS) {
            return List.of(
                    RuleProblem.of("days", "DAYS_RANGE", "A backtest reads 1 to " + MAX_DAYS + " days, not " + days));
        }
        return List.of();
    }

    private BacktestReport run(CompiledRule rule, RuleCode code, Integer version, int days, String center) {
        LocalDate to = LocalDate.now(clock);
        LocalDate after = to.minusDays(days);
        PastReviews history = rule.readsHistory() ? PastReviews.before(jdbc, to) : null;
        Run run = new Run(rule);
        try {
            rows.forEach(after, to, center, stored -> {
                EntryUnderReview entry = history == null ? stored.entry() : history.withHistory(stored.entry());
                run.add(entry, stored);
            });
        } catch (Abandoned e) {
            // the rule exceeded its budget too often; the report says so
        }
        return run.report(code, version, after.plusDays(1), to, center);
    }

    /** The counts of a backtest as it goes. */
    private static final class Run {
        private final CompiledRule rule;
        private final Counts total = new Counts(null);
        private final Map<String, Counts> byCenter = new TreeMap<>();
        private final List<String> samplesWithFinding = new ArrayList<>();
        private final List<String> otherSamples = new ArrayList<>();
        private long lines;
        private long undetermined;
        private long errors;
        private long stopped;
        private String firstError;

        Run(CompiledRule rule) {
            this.rule = rule;
        }

        void add(EntryUnderReview entry, StoredEntryRows.StoredEntry stored) {
            boolean fired = false;
            for (LineFacts line : LineFacts.of(entry)) {
                Verdict verdict = rule.evaluate(line);
                lines++;
                switch (verdict.kind()) {
                    case FIRED -> fired = true;
                    case UNDETERMINED -> undetermined++;
                    case ERROR, STOPPED -> {
                        errors++;
                        if (firstError == null) {
                            firstError = "Entry " + entry.entryNumber() + " line " + line.lineNumber() + ": "
                                    + verdict.error();
                        }
                        if (verdict.kind() == Verdict.Kind.STOPPED && ++stopped >= RuleLimits.SUSPEND_AFTER_STOPS) {
                            throw new Abandoned();
                        }
                    }
                    default -> {}
                }
                if (fired) {
                    break;
                }
            }
            String center = entry.center() == null ? "unassigned" : entry.center();
            Counts counts = byCenter.computeIfAbsent(center, Counts::new);
            total.add(fired, stored);
            counts.add(fired, stored);
            if (fired) {
                List<String> samples = stored.findings() > 0 ? samplesWithFinding : otherSamples;
                if (samples.size() < SAMPLES) {
                    samples.add(entry.entryNumber());
                }
            }
        }

        BacktestReport report(RuleCode code, Integer version, LocalDate from, LocalDate to, String center) {
            List<String> samples = new ArrayList<>(samplesWithFinding);
            for (String other : otherSamples) {
                if (samples.size() < SAMPLES) {
                    samples.add(other);
                }
            }
            BacktestReport.Tally all = total.tally();
            String summary = String.format(
                    Locale.US,
                    "Would have selected %,d of %,d entries dated %s to %s, %,d of them reviewed before, %,d with a"
                            + " finding ($%,.2f revenue found)",
                    all.selected(),
                    all.entries(),
                    from,
                    to,
                    all.reviewedBefore(),
                    all.withFinding(),
                    all.revenueFound());
            if (errors > 0) {
                summary += String.format(
                        Locale.US,
                        "; the rule failed with an error on %,d of %,d lines (%s)",
                        errors,
                        lines,
                        firstError);
            }
            if (stopped >= RuleLimits.SUSPEND_AFTER_STOPS) {
                summary = "Backtest abandoned: the rule exceeded its evaluation budget " + stopped
                        + " times. Counts so far: " + summary;
            }
            return new BacktestReport(
                    rule.expression(),
                    code,
                    version,
                    from,
                    to,
                    center,
                    summary,
                    all,
                    byCenter.values().stream().map(Counts::tally).toList(),
                    lines,
                    undetermined,
                    errors,
                    firstError,
                    samples);
        }
    }

    /** The counts of one Center, or of all. */
    private static final class Counts {
        private final String center;
        private long entries;
        private long selected;
        private long reviewed;
        private long withFinding;
        private BigDecimal revenue = BigDecimal.ZERO;

        Counts(String center) {
            this.center = center;
        }

        void add(boolean fired, StoredEntryRows.StoredEntry stored) {
            entries++;
            if (!fired) {
                return;
            }
            selected++;
            if (stored.reviews() > 0) {
                reviewed++;
            }
            if (stored.findings() > 0) {
                withFinding++;
                revenue = revenue.add(stored.revenueFound());
            }
        }

        BacktestReport.Tally tally() {
            Double hitRate = reviewed == 0
                    ? null
                    : BigDecimal.valueOf(withFinding)
                            .divide(BigDecimal.valueOf(reviewed), 4, RoundingMode.HALF_UP)
                            .doubleValue();
            return new BacktestReport.Tally(
                    center,
                    entries,
                    selected,
                    reviewed,
                    withFinding,
                    revenue.setScale(2, RoundingMode.HALF_UP),
                    hitRate);
        }
    }

    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
