package io.centerline.targeting.rules;

import static io.centerline.targeting.rules.Lines.aluminiumFromChina;
import static io.centerline.targeting.rules.Lines.factsOf;
import static io.centerline.targeting.rules.RuleCompilationTests.compiled;
import static io.centerline.targeting.rules.RuleCompilationTests.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.Collections;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rules written to do harm, or by mistake, are refused before they are stored or stopped while they run. */
class UserWrittenRuleSafetyTests {

    @Test
    void callingJavaIsRefusedBecauseNoSuchNameExists() {
        RuleProblem problem = refused("java.lang.Runtime.getRuntime().exec(\"rm -rf /\") != null")
                .get(0);

        assertThat(problem.code()).isEqualTo("RULE_DOES_NOT_COMPILE");
        assertThat(problem.message()).contains("undeclared reference to 'java'");
    }

    @Test
    void readingFilesOrTheNetworkIsRefusedBecauseNoSuchFunctionExists() {
        assertThat(refused("size(readFile(\"/etc/passwd\")) > 0").get(0).message())
                .contains("undeclared reference to 'readFile'");
        assertThat(refused("http.get(\"http://example.com\") == \"\"").get(0).message())
                .contains("undeclared reference to 'http'");
    }

    @Test
    void nestedComprehensionsBeyondTheIterationLimitAreRefusedBeforeTheyRun() {
        String forty = "[" + String.join(",", Collections.nCopies(40, "1")) + "]";
        RuleProblem problem = refused(forty + ".all(a, " + forty + ".all(b, " + forty + ".exists(c, a + b + c > 3)))")
                .get(0);

        assertThat(problem.code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(problem.message()).contains("could run up to 65640 comprehension iterations");
        assertThat(problem.line()).isEqualTo(1);
    }

    private static String words(int count, String prefix) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add("\"" + prefix + i + "\"");
        }
        return "[" + String.join(", ", words) + "]";
    }

    @Test
    void aRuleThatCouldExceedItsStepBudgetOnSomeLineIsRefusedSoThatNoFilerCanStopIt() {
        String thirty = "[" + String.join(",", Collections.nCopies(30, "1")) + "]";
        String thirtyTwo = "[" + String.join(",", Collections.nCopies(32, "1")) + "]";
        RuleProblem arithmetic = refused(thirty + ".all(x, " + thirtyTwo + ".all(y, x * y + 1 > 0 && x * y + 2 > 0"
                        + " && x * y + 3 > 0))")
                .get(0);
        RuleProblem keywords = refused(words(30, "a") + ".exists(a, line.description.lowerAscii().contains(a) && "
                        + words(32, "b") + ".exists(b, line.description.lowerAscii().contains(b)"
                        + " && line.countryOfOrigin in [\"CN\", \"HK\", \"VN\"] && line.unitValue < 5.0))")
                .get(0);

        assertThat(arithmetic.code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(arithmetic.message())
                .contains("evaluation steps on one line; at most " + RuleLimits.MAX_STEPS + " are allowed");
        assertThat(keywords.code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(keywords.message()).startsWith("This rule could take up to");
    }

    @Test
    void aRuleAcceptedForItsStepsIsNeverStoppedForItsStepsWhateverTheLineHolds() {
        String description = "a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 b0 b1 b2 b3 b4 b5 b6 b7 b8 b9";
        CompiledRule flattened = compiled("line.countryOfOrigin in [\"CN\", \"HK\", \"VN\"] && line.unitValue < 5.0"
                + " && " + words(30, "a") + ".exists(a, line.description.lowerAscii().contains(a))"
                + " && " + words(32, "b") + ".exists(b, line.description.lowerAscii().contains(b))");
        CompiledRule nearTheLimit =
                compiled(words(30, "a") + ".all(a, " + words(30, "b") + ".all(b, !line.description.contains(a + b)))");

        for (LineFacts line : java.util.List.of(
                factsOf(aluminiumFromChina().unitValue(1).description(description)),
                factsOf(aluminiumFromChina().unitValue(1).description("no keyword at all")),
                factsOf(aluminiumFromChina().unitValue(1).description("a0b0".repeat(100))))) {
            for (Verdict verdict : java.util.List.of(flattened.evaluate(line), nearTheLimit.evaluate(line))) {
                // a stop for time depends on the machine (a cold one is slow), a stop for steps on the rule and line
                assertThat(verdict.kind() != Verdict.Kind.STOPPED || verdict.onTime())
                        .as(String.valueOf(verdict.error()))
                        .isTrue();
            }
        }
    }

    @Test
    void aComprehensionOverAListNotWrittenOutCountsAsTheLimit() {
        assertThat(refused("[[1, 2], [3]].all(l, l.all(x, x > 0))").get(0).code())
                .isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(compiled("[\"CN\", \"HK\", \"MO\"].exists(c, line.countryOfOrigin == c)")
                        .evaluate(factsOf(aluminiumFromChina()))
                        .fired())
                .isTrue();
    }

    @Test
    void aCatastrophicBacktrackingPatternRunsInLinearTimeOnALongDescription() {
        CompiledRule rule = compiled("line.description.matches(\"(a+)+$\") && line.description.matches(\"(x+x+)+y\")");
        LineFacts line = factsOf(aluminiumFromChina().description("a".repeat(200_000) + "!"));

        long started = System.nanoTime();
        Verdict verdict = rule.evaluate(line);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NOT_FIRED);
    }

    /** The exploratory test's rule: 225 runs of a 76-instruction pattern on a description of up to 500 characters. */
    private static final String KNITTED_SHIRTS =
            "line.hts.startsWith(\"6109\") && [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]"
                    + ".exists(a, [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15].exists(b, line.description.lowerAscii().matches("
                    + "\"(cotton|polyester|wool|silk|linen)[a-z ]*(shirt|blouse|dress)[a-z ]*(knit|woven)?[0-9]*x\")))";

    /** A description of the longest length intake accepts, built to keep many threads of such patterns alive. */
    private static final String KNITTED_DESCRIPTION =
            "cotton shirt knit ".repeat(28).substring(0, 500);

    @Test
    void aRuleThatCouldRunMatchesOnLongTextsManyTimesIsRefusedSoThatNoFilerCanStopIt() {
        RuleProblem problem = refused(KNITTED_SHIRTS).get(0);

        assertThat(problem.code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(problem.message())
                .contains("units of regular-expression work on one line; at most " + RuleLimits.MAX_REGEX_WORK)
                .contains("call matches() outside comprehensions, once, on the shortest field");
        assertThat(problem.line()).isEqualTo(1);
    }

    @Test
    void aRuleThatSearchesALineForATextTakenFromItInNestedComprehensionsIsRefusedSoThatNoFilerCanStopIt() {
        String thirty = IntStream.range(0, 30).mapToObj(String::valueOf).collect(Collectors.joining(", ", "[", "]"));

        RuleProblem problem = refused(thirty + ".exists(a, " + thirty + ".exists(b, line.description.size() > 400"
                        + " && line.description.indexOf(line.description.substring(200)) > 1000))")
                .get(0);

        assertThat(problem.code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(problem.message())
                .contains("units of text-search work on one line; at most " + RuleLimits.MAX_REGEX_WORK)
                .contains("look for written-out words");
    }

    @Test
    void aRuleThatJoinsLongTextsOverAndOverInComprehensionsIsRefusedSoThatNoFilerCanMakeItCostly() {
        String twenty =
                IntStream.rangeClosed(1, 20).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        String thirty =
                IntStream.rangeClosed(1, 30).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        // 400 iterations, each building texts of up to 10,000 characters from twenty descriptions
        String joined = String.join(" + ", Collections.nCopies(20, "line.description"));

        RuleProblem problem = refused(twenty + ".all(a, " + twenty + ".all(b, size(" + joined + ") > a + b))")
                .get(0);
        CompiledRule aCodeJoinedToTheDescription =
                compiled(thirty + ".all(a, " + thirty + ".all(b, line.description + line.hts != line.manufacturer))");

        assertThat(problem.code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(problem.message())
                .contains("units of text-joining work on one line; at most " + RuleLimits.MAX_REGEX_WORK)
                .contains("join texts outside comprehensions");
        assertThat(aCodeJoinedToTheDescription
                        .evaluate(factsOf(aluminiumFromChina().description(KNITTED_DESCRIPTION)))
                        .fired())
                .isTrue();
    }

    @Test
    void aRuleThatLooksForAHundredWrittenOutWordsOrSearchesOneFieldInAnotherIsAllowed() {
        String words = IntStream.range(0, 100)
                .mapToObj(i -> "\"keyword" + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));

        assertThat(compiled(words + ".exists(w, line.description.contains(w))")).isNotNull();
        assertThat(compiled("line.description.indexOf(line.manufacturer) >= 0")).isNotNull();
    }

    @Test
    void aRuleThatDoublesATextAtEveryLevelOfNestedComprehensionsIsRefused() {
        RuleProblem problem = refused("[line.description].exists(a, [a + a].exists(b, [b + b].exists(c,"
                        + " [c + c].exists(d, [d + d].exists(e, [e + e].exists(f, size(f) > 0))))))")
                .get(0);

        assertThat(problem.code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(problem.message())
                .contains("could build a text of up to 16000 characters on one line; at most "
                        + RuleLimits.MAX_TEXT_LENGTH);
    }

    @Test
    void aRuleThatDoublesAListAtEveryLevelOfNestedComprehensionsIsRefused() {
        RuleProblem problem = refused("[[1, 2]].exists(a, [a + a].exists(b, [b + b].exists(c, size(c) > 7)))")
                .get(0);

        assertThat(problem.code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(problem.message()).contains("Lists may be joined with + only when both are written out");
    }

    @Test
    void textsDoubledAsBytesOrValuesOfAnyTypeAreBoundedAsTextsAre() {
        String bytes = "[bytes(line.description)].exists(a, [a + a + a + a].exists(b, [b + b + b + b].exists(c,"
                + " [c + c + c + c].exists(d, size(d) > 3))))";
        String dynamic = "[dyn(line.description)].exists(a, [dyn(a) + dyn(a) + dyn(a) + dyn(a)].exists(b,"
                + " [dyn(b) + dyn(b) + dyn(b) + dyn(b)].exists(c, dyn(c).matches(\"(alpha|beta)+[0-9]{30}q\"))))";

        assertThat(refused(bytes).get(0).message()).contains("could build a text of up to 32000 characters");
        assertThat(refused(dynamic))
                .extracting(RuleProblem::message)
                .anyMatch(message -> message.contains("units of regular-expression work"));
    }

    @Test
    void mapAndFilterGatherTheirResultsWithoutCountingAsAGrowingList() {
        compiled("[line.hts].filter(h, h.startsWith(\"76\")).size() > 0");
        compiled("[1, 2].map(x, x * 2).exists(y, y == 4) && line.countryOfOrigin == \"CN\"");
    }

    @Test
    void textsAndListsJoinedFromFieldsAndLiteralsAreAccepted() {
        compiled("line.hts + \"/\" + line.countryOfOrigin == \"7604101000/CN\"");
        compiled("line.countryOfOrigin in [\"CN\"] + [\"VN\", \"TH\"]");
    }

    @Test
    void aPatternLongerThanItsLimitIsRefusedSinceItIsCompiledAtEveryRun() {
        RuleProblem problem = refused("line.description.matches(\"" + "(a|b)".repeat(41) + "\")")
                .get(0);

        assertThat(problem.message())
                .contains("too long (205 characters; at most " + RuleLimits.MAX_REGEX_LENGTH + ")");
    }

    @Test
    void aSingleMatchesOnTheDescriptionIsAccepted() {
        CompiledRule rule = compiled("line.hts.startsWith(\"6109\") && line.description.lowerAscii().matches("
                + "\"(cotton|polyester|wool|silk|linen)[a-z ]*(shirt|blouse|dress)[a-z ]*(knit|woven)?\")");

        assertThat(rule.evaluate(factsOf(
                                aluminiumFromChina().hts("6109100012").description("Men's cotton shirts, knitted")))
                        .fired())
                .isTrue();
    }

    @Test
    void matchesInsideAComprehensionOverThreeWrittenOutElementsIsAccepted() {
        CompiledRule rule = compiled("[\"CN\", \"HK\", \"VN\"].exists(c, line.countryOfOrigin == c"
                + " && line.description.lowerAscii().matches(\"(cotton|polyester|wool)[a-z ]*(shirt|blouse)\"))");

        assertThat(rule.evaluate(factsOf(aluminiumFromChina().description("wool blouses")))
                        .fired())
                .isTrue();
    }

    @Test
    void matchesCostsTheLongestTextItCanRunOnTimesItsPatternForEveryRun() {
        // 303 RE2 instructions in 16 characters
        String pattern = "([a-z ]*){0,60}x";
        String fifteen = "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]";

        assertThat(compiled("line.description.matches(\"" + pattern + "\")")).isNotNull();
        assertThat(refused("(line.description + line.description).matches(\"" + pattern + "\")")
                        .get(0)
                        .message())
                .contains("regular-expression work");
        assertThat(compiled(fifteen + ".exists(a, line.hts.matches(\"^6109[0-9]*\"))"))
                .isNotNull();
        assertThat(refused(fifteen + ".exists(a, line.description.matches(\"(cotton|wool|silk)[a-z ]*(shirt|dress)\"))")
                        .get(0)
                        .message())
                .contains("regular-expression work");
    }

    @Test
    void aLongPatternCompiledAgainOnEveryRunOfAComprehensionCountsItsLength() {
        // 196 characters, the longest a pattern may be, and of the slowest to compile
        String caseFoldedCapitals = "(?i)" + "\\\\p{Lu}".repeat(32);

        assertThat(compiled("line.hts.matches(\"" + caseFoldedCapitals + "\")")).isNotNull();
        assertThat(refused("[1, 2, 3, 4, 5, 6, 7].exists(a, line.hts.matches(\"" + caseFoldedCapitals + "\"))")
                        .get(0)
                        .message())
                .contains("regular-expression work");
    }

    @Test
    void theLargestRegularExpressionWorkAllowedIsNotStoppedOnALongDescriptionBuiltAgainstIt() {
        int repeats = 1;
        while (Pattern.compile("([a-z ]*){0," + (repeats + 1) + "}x").programSize()
                <= RuleLimits.MAX_REGEX_PROGRAM_SIZE) {
            repeats++;
        }
        String pattern = "([a-z ]*){0," + repeats + "}x";
        assertThat(Pattern.compile(pattern).programSize() * (long) RuleFields.LONGEST_DESCRIPTION)
                .isLessThanOrEqualTo(RuleLimits.MAX_REGEX_WORK)
                .isGreaterThanOrEqualTo(RuleLimits.MAX_REGEX_WORK - 5L * RuleFields.LONGEST_DESCRIPTION);
        CompiledRule rule = compiled("line.description.matches(\"" + pattern + "\")");
        LineFacts line = factsOf(aluminiumFromChina().description(KNITTED_DESCRIPTION));

        // the warm-up's evaluations, then as many under the full time budget
        for (int i = 0; i < 2 * RuleLimits.WARM_UP_EVALUATIONS; i++) {
            Verdict verdict = rule.evaluate(line);

            assertThat(verdict.kind()).as(String.valueOf(verdict.error())).isEqualTo(Verdict.Kind.NOT_FIRED);
        }
    }

    @Test
    void aPatternMustBeALiteralThatRe2Accepts() {
        assertThat(refused("line.description.matches(line.hts)").get(0).message())
                .contains("must be a string literal");
        assertThat(refused("matches(line.description, \"(a)\\\\1\")").get(0).message())
                .contains("Invalid regular expression");
        assertThat(refused("line.description.matches(\"(\")").get(0).code()).isEqualTo("RULE_EXCEEDS_LIMITS");
        assertThat(refused("line.description.matches(\"a{1000}b{1000}\")")
                        .get(0)
                        .message())
                .contains("too large");
    }

    @Test
    void functionsThatMultiplyTheLengthOfATextAreNotAvailable() {
        assertThat(refused("size(line.description.replace(\"a\", \"aaaaaaaaaa\")) > 0")
                        .get(0)
                        .message())
                .contains("undeclared reference to 'replace'");
        assertThat(refused("size(line.description.split(\"\").join(line.description)) > 0")
                        .get(0)
                        .message())
                .contains("undeclared reference to 'split'");
        assertThat(refused("cel.bind(x, line.description + line.description, size(x + x) > 0)")
                        .get(0)
                        .code())
                .isEqualTo("RULE_DOES_NOT_COMPILE");
    }

    @Test
    void divisionByZeroAtRunTimeIsAnErrorNotAFiring() {
        Verdict verdict =
                compiled("entry.lineCount / (entry.lineCount - 1) > 0").evaluate(factsOf(aluminiumFromChina()));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.ERROR);
        assertThat(verdict.error()).contains("by zero");
    }

    @Test
    void deeplyNestedParenthesesAreRefused() {
        String nested = "(".repeat(200) + "true" + ")".repeat(200);

        assertThat(refused(nested).get(0).message()).contains("recursion limit");
    }

    @Test
    void anOverlongExpressionIsRefused() {
        String expression = "line.hts == \"" + "7".repeat(RuleLimits.MAX_EXPRESSION_LENGTH) + "\"";

        assertThat(refused(expression).get(0).code()).isEqualTo("EXPRESSION_TOO_LONG");
    }

    @Test
    void anExpressionWithTooManyNodesIsRefused() {
        String expression = "line.lineNumber in [" + String.join(",", Collections.nCopies(500, "1")) + "]";

        assertThat(refused(expression).get(0).code()).isEqualTo("RULE_DOES_NOT_COMPILE");
    }

    @Test
    void anEvaluationThatRunsTooLongIsStoppedAndCountsAsAnError() {
        String many = "[" + String.join(",", Collections.nCopies(200, "1")) + "]";
        // past its warm-up, in which an evaluation stopped on time is run once more without a time limit
        CompiledRule rule = compiled(many + ".all(a, [1, 2, 3].all(b,"
                        + " line.description.lowerAscii().upperAscii().lowerAscii().contains(\"zz\") == false))")
                .timedBy(CompiledRule.PROCESSOR_TIME);
        LineFacts line = factsOf(aluminiumFromChina().description("Ab".repeat(500_000)));

        long started = CompiledRule.PROCESSOR_TIME.getAsLong();
        Verdict verdict = rule.evaluate(line);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.STOPPED);
        assertThat(verdict.onTime()).isTrue();
        assertThat(verdict.error()).isEqualTo(CompiledRule.STOPPED_ON_TIME);
        // its 600 iterations over a million characters take seconds of processor time to the end
        assertThat(Duration.ofNanos(CompiledRule.PROCESSOR_TIME.getAsLong() - started))
                .isLessThan(Duration.ofSeconds(1));
    }

    /** 200 iterations, some 1,600 steps: several readings of time in one evaluation. */
    private static final String TWO_HUNDRED_ITERATIONS =
            "[" + String.join(",", Collections.nCopies(200, "1")) + "].all(a, a == 1) && line.hts.startsWith(\"7604\")";

    @Test
    void anEvaluationStoppedOnTimeIsRunOnceMoreAndCountsAsItsSecondRun() {
        CompiledRule rule = compiled(TWO_HUNDRED_ITERATIONS);
        // the first run's second reading is a second past its first, as a burst of other work would make it; then
        // time stands still
        long[] reads = {0};
        CompiledRule burst = rule.timedBy(() -> reads[0]++ == 0 ? 7_000_000_000L : 8_000_000_000L);

        Verdict verdict = burst.evaluate(factsOf(aluminiumFromChina()));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.FIRED);
        assertThat(reads[0]).as("time was read in a second run").isGreaterThan(2);
    }

    @Test
    void anEvaluationStoppedOnTimeInBothRunsIsStopped() {
        // every reading of time a whole budget after the one before
        long[] now = {0};
        CompiledRule slow =
                compiled(TWO_HUNDRED_ITERATIONS).timedBy(() -> now[0] += RuleLimits.MAX_EVALUATION_CPU_NANOS + 1);

        Verdict verdict = slow.evaluate(factsOf(aluminiumFromChina()));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.STOPPED);
        assertThat(verdict.error()).isEqualTo(CompiledRule.STOPPED_ON_TIME);
    }

    /**
     * A source of time that makes the thread wait for longer than the whole budget before its second and fourth
     * readings, as a thread waits while others have the processors: its first run, and a second run if there is one,
     * each wait once between two readings.
     */
    private static LongSupplier waitingBeforeSomeReadings(LongSupplier time) {
        int[] reads = {0};
        return () -> {
            int read = reads[0]++;
            if (read == 1 || read == 3) {
                try {
                    Thread.sleep(RuleLimits.MAX_EVALUATION_CPU_NANOS / 1_000_000 + 50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return time.getAsLong();
        };
    }

    @Test
    void anEvaluationIsTimedByTheProcessorTimeOfItsThreadSoThatWaitingForAProcessorDoesNotStopIt() {
        CompiledRule rule = compiled(RuleSetTests.NEAR_THE_STEP_LIMIT);
        LineFacts line = factsOf(aluminiumFromChina());

        Verdict onProcessorTime = rule.timedBy(waitingBeforeSomeReadings(CompiledRule.PROCESSOR_TIME))
                .evaluate(line);
        Verdict onTheWallClock =
                rule.timedBy(waitingBeforeSomeReadings(System::nanoTime)).evaluate(line);

        assertThat(onProcessorTime.kind())
                .as(String.valueOf(onProcessorTime.error()))
                .isEqualTo(Verdict.Kind.FIRED);
        assertThat(onTheWallClock.kind())
                .as("the same waits stop a rule timed by the clock on the wall")
                .isEqualTo(Verdict.Kind.STOPPED);
    }
}
