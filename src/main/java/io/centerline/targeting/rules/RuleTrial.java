package io.centerline.targeting.rules;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A trial of a rule before it is stored: it runs on the {@value #SAMPLE} latest stored entry summaries (or, with none
 * stored, on one representative entry summary), and a rule that fails with an error on every line of them is one that
 * can never fire ({@code 1/0 == 1}, {@code double("abc") > 0.0}). A rule that fires, does not, or depends on a number a
 * line leaves out on any line passes, as does one stopped for its budget, which suspension deals with.
 */
@Component
class RuleTrial {

    /** How many of the latest entry summaries a rule is tried on. */
    static final int SAMPLE = 20;

    private final StoredEntryRows rows;
    private final JdbcClient jdbc;

    RuleTrial(StoredEntryRows rows, JdbcClient jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** Why the rule fails on every line it was tried on, or nothing when it does not. */
    Optional<RuleProblem> alwaysFails(CompiledRule rule, LocalDate today) {
        List<EntryUnderReview> entries = rows.latest(SAMPLE, today).stream()
                .map(StoredEntryRows.StoredEntry::entry)
                .toList();
        boolean stored = !entries.isEmpty();
        if (!stored) {
            entries = List.of(representative(today));
        } else if (rule.readsHistory()) {
            PastReviews history = PastReviews.before(jdbc, today);
            entries = entries.stream().map(history::withHistory).toList();
        }
        int lines = entries.stream().mapToInt(entry -> entry.lines().size()).sum();
        String tried = stored
                ? "every line of the " + entries.size() + " latest stored entry summaries (" + lines + " lines)"
                : "a representative entry summary, since none is stored yet";
        return failsOnEvery(rule, entries)
                .map(error -> RuleProblem.of(
                        "expression",
                        "RULE_ALWAYS_FAILS",
                        "The expression fails with an error on " + tried + ", so it would never fire: " + error));
    }

    /** The first error of a rule that fails on every line of the entries, or nothing when one line does not fail. */
    static Optional<String> failsOnEvery(CompiledRule rule, List<EntryUnderReview> entries) {
        String firstError = null;
        for (EntryUnderReview entry : entries) {
            for (LineFacts line : LineFacts.of(entry)) {
                Verdict verdict = rule.evaluate(line);
                if (verdict.kind() != Verdict.Kind.ERROR) {
                    return Optional.empty();
                }
                if (firstError == null) {
                    firstError = verdict.error();
                }
            }
        }
        return Optional.ofNullable(firstError);
    }

    /** An ordinary entry summary of one line, every figure declared: aluminium extrusions from China. */
    static EntryUnderReview representative(LocalDate date) {
        Declaration line = new Declaration(
                "REP00000000",
                1,
                1,
                date,
                "01",
                "12-345678900",
                "REP",
                "2704",
                "11",
                "BM",
                "7604101000",
                "CN",
                "CN",
                "CNALUEXT123SHA",
                "Aluminium extrusions",
                10_000.0,
                4_000.0,
                "KG",
                4_100.0,
                5.0,
                false,
                "",
                Map.of());
        return new EntryUnderReview(
                "REP00000000", 1, date, "01", "BM", "12-345678900", "REP", false, List.of(line), History.NONE);
    }
}
