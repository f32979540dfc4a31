package io.centerline.targeting.rules;

import static io.centerline.targeting.rules.Lines.aluminiumFromChina;
import static io.centerline.targeting.rules.Lines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.reference.CenterCode;
import io.centerline.targeting.Finding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RuleSetTests {

    private static final RuleEnvironment ENVIRONMENT = RuleCompilationTests.ENVIRONMENT;
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    /** The day the tests score on, within the default rules' period. */
    private static final LocalDate SCORED = LocalDate.of(2026, 6, 15);

    static Rule rule(String code, int version, String expression) {
        return rule(code, version, expression, null, JUNE, null);
    }

    static Rule rule(String code, int version, String expression, String center, LocalDate from, LocalDate to) {
        return new Rule(
                RuleCode.of(code),
                version,
                "A rule",
                "targeter",
                center == null ? null : CenterCode.of(center),
                expression,
                "{line.hts} from {line.countryOfOrigin} at {line.unitValue} per unit",
                "The declared value of this aluminium is being compared with similar imports.",
                0.7,
                from,
                to,
                "targeter",
                Instant.parse("2026-05-01T12:00:00Z"),
                null,
                null);
    }

    @Test
    void aRuleGivesAtMostOneFindingFromTheFirstLineItFiresOnWithThatLinesValues() {
        RuleSet rules = RuleSet.of(List.of(rule("CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE)), ENVIRONMENT);
        var entry = entry().with(
                        aluminiumFromChina().unitValue(3),
                        aluminiumFromChina().hts("7604291000").unitValue(1.25),
                        aluminiumFromChina().unitValue(1.1));

        List<Finding> findings = rules.evaluate(entry, SCORED);

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.source()).isEqualTo(Finding.Source.RULE);
        assertThat(finding.code()).isEqualTo("CN-ALU-LOW-VALUE");
        assertThat(finding.version()).isEqualTo(1);
        assertThat(finding.lineNumber()).isEqualTo(2);
        assertThat(finding.reason()).isEqualTo("7604291000 from CN at 1.25 per unit");
        assertThat(finding.tradeReason()).startsWith("The declared value of this aluminium");
        assertThat(finding.strength()).isEqualTo(0.7);
        assertThat(rules.statistics(RuleCode.of("CN-ALU-LOW-VALUE"), 1))
                .isEqualTo(new RuleStatistics(2, 1, 0, 0, 0, null, false));
    }

    @Test
    void onlyRulesInForceOnTheDayOfScoringAndForTheEntrysCenterAreEvaluated() {
        RuleSet rules = RuleSet.of(
                List.of(
                        rule("BASE-METALS", 1, "true", "BM", JUNE, null),
                        rule("ELECTRONICS", 1, "true", "ELEC", JUNE, null),
                        rule("EVERY-CENTER", 1, "true", null, JUNE, null),
                        rule("NOT-YET", 1, "true", null, LocalDate.of(2026, 7, 1), null),
                        rule("RETIRED", 1, "true", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 31))),
                ENVIRONMENT);

        List<Finding> findings = rules.evaluate(
                entry().center("BM").on(LocalDate.of(2026, 6, 15)).with(aluminiumFromChina()), SCORED);

        assertThat(findings).extracting(Finding::code).containsExactlyInAnyOrder("BASE-METALS", "EVERY-CENTER");
    }

    @Test
    void aRuleAppliesToEverySummaryScoredWhileItIsInForceWhateverItsEntryDate() {
        RuleSet rules = RuleSet.of(
                List.of(
                        rule("SWITCHED-ON-TODAY", 1, "true", null, SCORED, null),
                        rule("RETIRED-YESTERDAY", 1, "true", null, LocalDate.of(2026, 1, 1), SCORED.minusDays(1))),
                ENVIRONMENT);
        // filed today for goods entered before the rule was switched on, and while the retired rule still ran
        var enteredLastWeek = entry().on(SCORED.minusDays(7)).with(aluminiumFromChina());

        assertThat(rules.evaluate(enteredLastWeek, SCORED))
                .extracting(Finding::code)
                .containsExactly("SWITCHED-ON-TODAY");
    }

    @Test
    void theHighestVersionInForceOnTheDayOfScoringApplies() {
        RuleSet rules = RuleSet.of(
                List.of(
                        rule("CN-ALU-LOW-VALUE", 1, "line.unitValue < 2.5", null, JUNE, null),
                        rule("CN-ALU-LOW-VALUE", 2, "line.unitValue < 1.5", null, LocalDate.of(2026, 6, 20), null)),
                ENVIRONMENT);
        var twoDollarsEnteredEarlier =
                entry().on(LocalDate.of(2026, 6, 10)).with(aluminiumFromChina().unitValue(2));

        assertThat(rules.evaluate(twoDollarsEnteredEarlier, LocalDate.of(2026, 6, 15)))
                .extracting(Finding::version)
                .containsExactly(1);
        assertThat(rules.evaluate(twoDollarsEnteredEarlier, LocalDate.of(2026, 6, 25)))
                .isEmpty();
    }

    @Test
    void aVersionThatHasEndedDoesNotGiveTheDayBackToTheVersionItReplaced() {
        List<Rule> versions = List.of(
                rule("CN-ALU-LOW-VALUE", 1, "line.unitValue < 2.5", null, JUNE, null),
                rule(
                        "CN-ALU-LOW-VALUE",
                        2,
                        "line.unitValue < 2.5",
                        null,
                        LocalDate.of(2026, 6, 20),
                        LocalDate.of(2026, 6, 22)));
        RuleSet rules = RuleSet.of(versions, ENVIRONMENT);
        var twoDollars =
                entry().on(LocalDate.of(2026, 6, 10)).with(aluminiumFromChina().unitValue(2));

        assertThat(rules.evaluate(twoDollars, LocalDate.of(2026, 6, 21)))
                .extracting(Finding::version)
                .containsExactly(2);
        assertThat(rules.evaluate(twoDollars, LocalDate.of(2026, 6, 25))).isEmpty();
        assertThat(Rule.governing(versions, LocalDate.of(2026, 6, 25)).map(Rule::version))
                .contains(2);
    }

    @Test
    void aRuleThatFailsAtRunTimeDoesNotFireCountsAnErrorAndLeavesTheOtherRulesAlone() {
        RuleSet rules = RuleSet.of(
                List.of(
                        rule("DIVIDES-BY-ZERO", 1, "100 / (entry.lineCount - 1) > 1"),
                        rule("CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE)),
                ENVIRONMENT);

        List<Finding> findings = rules.evaluate(entry().with(aluminiumFromChina()), SCORED);

        assertThat(findings).extracting(Finding::code).containsExactly("CN-ALU-LOW-VALUE");
        RuleStatistics failing = rules.statistics(RuleCode.of("DIVIDES-BY-ZERO"), 1);
        assertThat(failing.errors()).isEqualTo(1);
        assertThat(failing.fired()).isZero();
        assertThat(failing.lastError()).contains("by zero");
    }

    /** Fires on every line without "zz" in its description: 600 iterations, each reading the description thrice. */
    private static final String SLOW_EXPRESSION = "[" + "1,".repeat(199) + "1]"
            + ".all(a, [1, 2, 3].all(b, line.description.lowerAscii().upperAscii()"
            + ".lowerAscii().contains(\"zz\") == false))";

    /**
     * Far longer than intake lets a description be: {@link #SLOW_EXPRESSION} takes the better part of a second of
     * processor time on it, several times its budget.
     */
    private static final String HEAVY_DESCRIPTION = "Ab".repeat(200_000);

    @Test
    void aRuleStoppedTooOftenForItsTimeAfterItsWarmUpIsSuspended() {
        RuleSet rules = RuleSet.of(List.of(rule("SLOW", 1, SLOW_EXPRESSION)), ENVIRONMENT);
        var ordinary = entry().with(aluminiumFromChina());
        var heavy = entry().with(aluminiumFromChina().description(HEAVY_DESCRIPTION));

        // the warm-up's first and last evaluations on the heavy line, the others on an ordinary one
        assertThat(rules.evaluate(heavy, SCORED))
                .as("run to its end while warming up")
                .hasSize(1);
        for (int i = 2; i < RuleLimits.WARM_UP_EVALUATIONS; i++) {
            assertThat(rules.evaluate(ordinary, SCORED)).hasSize(1);
        }
        assertThat(rules.evaluate(heavy, SCORED))
                .as("run to its end while warming up")
                .hasSize(1);
        RuleStatistics warmingUp = rules.statistics(RuleCode.of("SLOW"), 1);
        for (int i = 0; i < RuleLimits.SUSPEND_AFTER_STOPS + 2; i++) {
            assertThat(rules.evaluate(heavy, SCORED)).isEmpty();
        }

        assertThat(warmingUp.suspended()).isFalse();
        assertThat(warmingUp.stopped())
                .as("a cold rule's evaluations are run to their end")
                .isZero();
        RuleStatistics statistics = rules.statistics(RuleCode.of("SLOW"), 1);
        assertThat(statistics.suspended()).isTrue();
        assertThat(statistics.stopped()).isEqualTo(RuleLimits.SUSPEND_AFTER_STOPS);
        assertThat(statistics.evaluations()).isEqualTo(RuleLimits.WARM_UP_EVALUATIONS + RuleLimits.SUSPEND_AFTER_STOPS);
    }

    /** Two nested comprehensions of 30 written-out elements: 930 iterations, within the iteration and step limits. */
    static final String NEAR_THE_STEP_LIMIT =
            "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]"
                    + ".all(a, [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]"
                    + ".all(b, a + b + line.lineNumber > 0 && a * b > 0))";

    @Test
    void anAdmittedRuleIsNeitherStoppedNorSuspendedWhileOtherThreadsKeepEveryProcessorBusy()
            throws InterruptedException {
        RuleSet rules = RuleSet.of(List.of(rule("NEAR-THE-LIMITS", 1, NEAR_THE_STEP_LIMIT)), ENVIRONMENT);
        var entry = entry().with(aluminiumFromChina());
        // past its warm-up and compiled by the JVM, as in a service that has scored for a while
        int warm = RuleLimits.WARM_UP_EVALUATIONS + 100;
        for (int i = 0; i < warm; i++) {
            rules.evaluate(entry, SCORED);
        }
        int busyEvaluations = 50;
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread other = new Thread(() -> {
                while (busy.get()) {
                    // holds a processor until the evaluations are done
                }
            });
            other.setDaemon(true);
            other.start();
            others.add(other);
        }
        try {
            for (int i = 0; i < busyEvaluations; i++) {
                assertThat(rules.evaluate(entry, SCORED))
                        .as("evaluation %d among busy threads", i)
                        .hasSize(1);
            }
        } finally {
            busy.set(false);
            for (Thread other : others) {
                other.join();
            }
        }

        RuleStatistics statistics = rules.statistics(RuleCode.of("NEAR-THE-LIMITS"), 1);
        assertThat(statistics.fired()).isEqualTo(warm + busyEvaluations);
        assertThat(statistics.stopped()).isZero();
        assertThat(statistics.errors()).isZero();
        assertThat(statistics.suspended()).isFalse();
    }

    @Test
    void recompilingKeepsTheStatisticsOfVersionsAlreadyHeld() {
        Rule rule = rule("CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE);
        RuleSet first = RuleSet.of(List.of(rule), ENVIRONMENT);
        first.evaluate(entry().with(aluminiumFromChina().unitValue(1)), SCORED);

        RuleSet second = RuleSet.of(List.of(rule, rule("OTHER", 1, "true")), ENVIRONMENT, first);

        assertThat(second.statistics(RuleCode.of("CN-ALU-LOW-VALUE"), 1).fired())
                .isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
    }

    private static RuleSuspension suspension(long id, String code, Instant resumedAt) {
        return new RuleSuspension(
                id,
                RuleCode.of(code),
                1,
                Instant.parse("2026-06-02T08:00:00Z"),
                CompiledRule.STOPPED_ON_TIME,
                RuleLimits.SUSPEND_AFTER_STOPS,
                resumedAt,
                resumedAt == null ? null : "targeter",
                resumedAt == null ? null : "The rule was rewritten to cost less");
    }

    /** Makes a set's rules go through their warm-up on an ordinary line. */
    private static void warmUp(RuleSet rules) {
        for (int i = 0; i < RuleLimits.WARM_UP_EVALUATIONS; i++) {
            rules.evaluate(entry().with(aluminiumFromChina()), SCORED);
        }
    }

    @Test
    void theSuspensionOfARuleStoppedTooOftenIsRecordedOnceWithItsStopsAndCause() {
        List<String> recorded = new ArrayList<>();
        RuleSet rules = RuleSet.of(
                List.of(rule("SLOW", 1, SLOW_EXPRESSION)),
                ENVIRONMENT,
                RuleSet.EMPTY,
                Map.of(),
                (rule, cause, stops) -> {
                    recorded.add(rule.code() + " v" + rule.version() + " after " + stops + ": " + cause);
                    return OptionalLong.of(7);
                });
        warmUp(rules);
        var heavy = entry().with(aluminiumFromChina().description(HEAVY_DESCRIPTION));

        for (int i = 0; i < RuleLimits.SUSPEND_AFTER_STOPS + 2; i++) {
            rules.evaluate(heavy, SCORED);
        }

        assertThat(recorded)
                .containsExactly(
                        "SLOW v1 after " + RuleLimits.SUSPEND_AFTER_STOPS + ": " + CompiledRule.STOPPED_ON_TIME);
        assertThat(rules.statistics(RuleCode.of("SLOW"), 1).suspended()).isTrue();
    }

    @Test
    void aVersionWhoseSuspensionIsOnRecordIsPassedByFromItsFirstEntry() {
        RuleSet rules = RuleSet.of(
                List.of(rule("CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE)),
                ENVIRONMENT,
                RuleSet.EMPTY,
                Map.of(RuleSet.key(RuleCode.of("CN-ALU-LOW-VALUE"), 1), suspension(3, "CN-ALU-LOW-VALUE", null)),
                SuspensionLog.NONE);

        assertThat(rules.evaluate(entry().with(aluminiumFromChina().unitValue(1)), SCORED))
                .isEmpty();
        RuleStatistics statistics = rules.statistics(RuleCode.of("CN-ALU-LOW-VALUE"), 1);
        assertThat(statistics.suspended()).isTrue();
        assertThat(statistics.evaluations()).isZero();
        assertThat(statistics.lastError()).isEqualTo(CompiledRule.STOPPED_ON_TIME);
    }

    @Test
    void resumingTheSuspensionAVersionIsHeldForRunsItAgainWithItsCountsStartedAfresh() {
        Rule slow = rule("SLOW", 1, SLOW_EXPRESSION);
        RuleSet suspended = RuleSet.of(
                List.of(slow), ENVIRONMENT, RuleSet.EMPTY, Map.of(), (rule, cause, stops) -> OptionalLong.of(7));
        warmUp(suspended);
        var heavy = entry().with(aluminiumFromChina().description(HEAVY_DESCRIPTION));
        for (int i = 0; i < RuleLimits.SUSPEND_AFTER_STOPS; i++) {
            suspended.evaluate(heavy, SCORED);
        }
        String key = RuleSet.key(RuleCode.of("SLOW"), 1);

        RuleSet olderResumed = RuleSet.of(
                List.of(slow),
                ENVIRONMENT,
                suspended,
                Map.of(key, suspension(6, "SLOW", Instant.parse("2026-06-01T09:00:00Z"))),
                SuspensionLog.NONE);
        RuleSet resumed = RuleSet.of(
                List.of(slow),
                ENVIRONMENT,
                suspended,
                Map.of(key, suspension(7, "SLOW", Instant.parse("2026-06-03T09:00:00Z"))),
                SuspensionLog.NONE);

        assertThat(olderResumed.statistics(RuleCode.of("SLOW"), 1).suspended()).isTrue();
        RuleStatistics fresh = resumed.statistics(RuleCode.of("SLOW"), 1);
        assertThat(fresh.suspended()).isFalse();
        assertThat(fresh.evaluations()).isZero();
        assertThat(fresh.stopped()).isZero();
        resumed.evaluate(entry().with(aluminiumFromChina()), SCORED);
        assertThat(resumed.statistics(RuleCode.of("SLOW"), 1).evaluations()).isEqualTo(1);
    }
}
