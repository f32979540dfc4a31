package io.centerline.targeting.rules;

import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of rule versions compiled for evaluation. For an entry summary it runs, for each rule code, the version in
 * force on the day of scoring if it applies to the entry's Center, line by line in line order, and reports at most one
 * finding per rule: the first line it fires on, with the reason written from that line's values. A rule that fails on
 * a line does not fire there and counts an error; evaluation goes on with its next line and the other rules. A rule
 * stopped too often for exceeding its budget is suspended (see {@link RuleCounters}).
 */
public final class RuleSet {

    /** A set without rules. */
    public static final RuleSet EMPTY = new RuleSet(List.of(), SuspensionLog.NONE);

    private final List<ActiveRule[]> byCode;
    private final Map<String, ActiveRule> byKey;
    private final SuspensionLog log;

    private RuleSet(List<ActiveRule> rules, SuspensionLog log) {
        this.log = log;
        Map<RuleCode, List<ActiveRule>> grouped = new LinkedHashMap<>();
        Map<String, ActiveRule> keys = new HashMap<>();
        for (ActiveRule rule : rules) {
            grouped.computeIfAbsent(rule.rule.code(), code -> new ArrayList<>()).add(rule);
            keys.put(key(rule.rule.code(), rule.rule.version()), rule);
        }
        List<ActiveRule[]> codes = new ArrayList<>();
        for (List<ActiveRule> versions : grouped.values()) {
            versions.sort(
                    Comparator.comparingInt((ActiveRule r) -> r.rule.version()).reversed());
            codes.add(versions.toArray(ActiveRule[]::new));
        }
        this.byCode = List.copyOf(codes);
        this.byKey = Map.copyOf(keys);
    }

    /** Compiles rule versions into a set. */
    public static RuleSet of(List<Rule> rules, RuleEnvironment environment) {
        return of(rules, environment, EMPTY);
    }

    /**
     * Compiles rule versions into a set, taking over from {@code previous} the compiled program and the statistics of
     * every version it already held (versions never change, only their period may end).
     */
    public static RuleSet of(List<Rule> rules, RuleEnvironment environment, RuleSet previous) {
        return of(rules, environment, previous, Map.of(), SuspensionLog.NONE);
    }

    /**
     * Compiles rule versions into a set as {@link #of(List, RuleEnvironment, RuleSet)} does, passing by the versions
     * whose latest suspension ({@code suspensions}, by {@link #key}) is open. A version held suspended for a suspension
     * that has since been resumed starts its counts again. Suspensions found while evaluating go to {@code log}.
     */
    static RuleSet of(
            List<Rule> rules,
            RuleEnvironment environment,
            RuleSet previous,
            Map<String, RuleSuspension> suspensions,
            SuspensionLog log) {
        List<ActiveRule> active = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            String key = key(rule.code(), rule.version());
            RuleSuspension latest = suspensions.get(key);
            ActiveRule known = previous.byKey.get(key);
            if (known != null
                    && known.rule.expression().equals(rule.expression())
                    && (latest == null || !known.counters.resumedBy(latest))) {
                if (latest != null && latest.open()) {
                    known.counters.suspendedAsRecorded(latest);
                }
                active.add(new ActiveRule(rule, known.compiled, known.template, known.counters));
                continue;
            }
            RuleCounters counters = new RuleCounters();
            CompiledRule compiled = known != null && known.compiled != null
                    ? known.compiled
                    : environment.compile(rule.expression()) instanceof RuleEnvironment.Compilation.Compiled ok
                            ? ok.rule()
                            : null;
            if (compiled == null) {
                counters.broken("The stored expression no longer compiles; the rule is not evaluated");
            } else if (latest != null && latest.open()) {
                counters.suspendedAsRecorded(latest);
            }
            ReasonTemplate template =
                    ReasonTemplate.parse(rule.reasonTemplate()) instanceof ReasonTemplate.Parsed.Valid v
                            ? v.template()
                            : null;
            active.add(new ActiveRule(rule, template == null ? null : compiled, template, counters));
        }
        return new RuleSet(active, log);
    }

    /** The findings on an entry summary of the rules in force on {@code day}, the day of scoring: at most one per rule. */
    public List<Finding> evaluate(EntryUnderReview entry, LocalDate day) {
        List<Finding> findings = null;
        List<LineFacts> lines = null;
        for (ActiveRule[] versions : byCode) {
            ActiveRule rule = inForce(versions, entry, day);
            if (rule == null || rule.counters.suspended()) {
                continue;
            }
            if (lines == null) {
                lines = LineFacts.of(entry);
            }
            for (LineFacts line : lines) {
                Verdict verdict = rule.compiled.evaluate(line);
                if (rule.counters.record(verdict)) {
                    log.suspended(rule.rule, rule.counters.lastError(), rule.counters.stops())
                            .ifPresent(rule.counters::recorded);
                    break;
                }
                if (verdict.fired()) {
                    rule.counters.fired();
                    if (findings == null) {
                        findings = new ArrayList<>();
                    }
                    findings.add(rule.finding(line));
                    break;
                }
            }
        }
        return findings == null ? List.of() : findings;
    }

    /** How a rule version has fared since this process loaded it. */
    public RuleStatistics statistics(RuleCode code, int version) {
        ActiveRule rule = byKey.get(key(code, version));
        return rule == null ? RuleStatistics.NONE : rule.counters.snapshot();
    }

    /** The number of rule versions held. */
    public int size() {
        return byKey.size();
    }

    private static ActiveRule inForce(ActiveRule[] versions, EntryUnderReview entry, LocalDate day) {
        // newest first: the first started governs the day ({@link Rule#governing}), and applies if its period holds it
        for (ActiveRule candidate : versions) {
            if (!day.isBefore(candidate.rule.activeFrom())) {
                return candidate.rule.inForceOn(day)
                                && candidate.compiled != null
                                && candidate.rule.appliesTo(entry.center())
                        ? candidate
                        : null;
            }
        }
        return null;
    }

    /** How a rule version is known among the suspensions given to {@link #of}. */
    static String key(RuleCode code, int version) {
        return code.value() + "#" + version;
    }

    /** A rule version with its compiled expression, its reason template and its running counts. */
    private static final class ActiveRule {
        private final Rule rule;
        private final CompiledRule compiled;
        private final ReasonTemplate template;
        private final RuleCounters counters;

        ActiveRule(Rule rule, CompiledRule compiled, ReasonTemplate template, RuleCounters counters) {
            this.rule = rule;
            this.compiled = compiled;
            this.template = template;
            this.counters = counters;
        }

        Finding finding(LineFacts line) {
            return new Finding(
                    Finding.Source.RULE,
                    rule.code().value(),
                    rule.version(),
                    line.lineNumber(),
                    template.render(line),
                    rule.tradeReason(),
                    rule.strength());
        }
    }
}
