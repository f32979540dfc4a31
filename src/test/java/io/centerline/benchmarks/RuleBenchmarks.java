package io.centerline.benchmarks;

import com.google.re2j.Pattern;
import io.centerline.reference.CenterCode;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import io.centerline.targeting.History;
import io.centerline.targeting.rules.CompiledRule;
import io.centerline.targeting.rules.LineFacts;
import io.centerline.targeting.rules.Rule;
import io.centerline.targeting.rules.RuleCode;
import io.centerline.targeting.rules.RuleEnvironment;
import io.centerline.targeting.rules.RuleLimits;
import io.centerline.targeting.rules.RuleSet;
import io.centerline.targeting.rules.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of targeters' rules: one compiled rule on one line (with every figure declared, and with the quantity
 * missing, which takes CEL's unknown-value path), a book of twenty typical rules on an entry summary of two lines, a
 * rule of 930 comprehension iterations near the step limit, the most regular-expression work the rule checks let one
 * rule do on one line, and a reading of the clocks an evaluation's time budget could be kept by.
 * Run as described in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleBenchmarks {

    /** The day the set is scored on, within every rule's period. */
    private static final LocalDate SCORED = LocalDate.of(2026, 6, 15);

    static final String EXAMPLE =
            "line.countryOfOrigin == \"CN\" && line.hts.startsWith(\"7604\") && line.unitValue < 2.5";

    static final List<String> TYPICAL = List.of(
            EXAMPLE,
            "line.countryOfOrigin == \"CN\" && line.hts.startsWith(\"7606\") && line.unitValue < 3.0",
            "line.countryOfOrigin in [\"MY\", \"TH\", \"VN\"] && line.hts.startsWith(\"7604\") && !line.relatedParty",
            "line.countryOfExport != line.countryOfOrigin && line.hts.startsWith(\"72\")",
            "entry.entryType == \"01\" && line.hts.startsWith(\"7306\") && line.adcvdCaseNumber == \"\"",
            "line.valuePerKg < 0.5 && line.hts.startsWith(\"61\")",
            "line.dutyRate == 0.0 && line.enteredValue > 100000.0",
            "history.importerFindingRate > 0.3 && history.importerReviews >= 5",
            "history.manufacturerFindings >= 2",
            "!account.trustedPartner && entry.totalValue > 2000000.0",
            "line.description.lowerAscii().contains(\"solar\") && line.countryOfOrigin == \"KH\"",
            "line.description.matches(\"(?i)polysilicon|wafer\")",
            "line.manufacturer.startsWith(\"CNXINJ\")",
            "entry.modeOfTransport == \"40\" && line.grossWeightKg > 10000.0",
            "line.unit == \"KG\" && line.quantity > 0.0 && line.unitValue > 1000.0",
            "entry.lineCount > 50",
            "line.hts.startsWith(\"8541\") && line.countryOfOrigin in [\"KH\", \"MY\", \"TH\", \"VN\"]",
            "entry.port == \"3901\" && line.hts.startsWith(\"2008\")",
            "history.filerFindingRate > 0.5 && history.filerReviews > 10",
            "entry.entryDate >= \"2026-01-01\" && line.hts.startsWith(\"4412\") && line.countryOfOrigin == \"CN\"");

    /** Two nested comprehensions of 30 written-out elements: 930 iterations, under the iteration and step limits. */
    static final String NEAR_THE_STEP_LIMIT =
            "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]"
                    + ".all(a, [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]"
                    + ".all(b, a + b + line.lineNumber > 0 && a * b > 0))";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompiledRule example;
    private CompiledRule nearTheStepLimit;
    private CompiledRule largestAsciiPattern;
    private CompiledRule largestLetterPattern;
    private LineFacts longestAsciiDescription;
    private LineFacts longestDescriptionOutsideAscii;
    private LineFacts declared;
    private LineFacts quantityMissing;
    private RuleSet book;
    private EntryUnderReview entry;

    @Setup
    public void compile() {
        RuleEnvironment environment = new RuleEnvironment();
        example = ((RuleEnvironment.Compilation.Compiled) environment.compile(EXAMPLE)).rule();
        nearTheStepLimit = ((RuleEnvironment.Compilation.Compiled) environment.compile(NEAR_THE_STEP_LIMIT)).rule();
        entry = entry(line(1, 9000, 500), line(2, 600, 500));
        declared = LineFacts.of(entry).get(1);
        quantityMissing = LineFacts.of(entry(line(1, 600, Double.NaN))).get(0);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < TYPICAL.size(); i++) {
            rules.add(new Rule(
                    RuleCode.of("RULE-" + (i + 1)),
                    1,
                    "rule " + (i + 1),
                    "targeter",
                    i % 4 == 0 ? CenterCode.of("BM") : null,
                    TYPICAL.get(i),
                    "{line.hts} from {line.countryOfOrigin} at {line.unitValue} per unit",
                    "The goods are being compared with similar imports.",
                    0.5,
                    LocalDate.of(2026, 1, 1),
                    null,
                    "targeter",
                    Instant.EPOCH,
                    null,
                    null));
        }
        book = RuleSet.of(rules, environment);
        largestAsciiPattern = largestPatternRule(environment, "[a-z ]*");
        largestLetterPattern = largestPatternRule(environment, "\\p{L}*");
        longestAsciiDescription = LineFacts.of(
                        entry(line(1, 600, 500, "cotton shirt knit ".repeat(28).substring(0, 500))))
                .get(0);
        longestDescriptionOutsideAscii = LineFacts.of(entry(line(
                        1, 600, 500, "хлопковая трикотажная рубашка ".repeat(17).substring(0, 500))))
                .get(0);
    }

    /**
     * A rule of one {@code matches} on the description whose pattern, {@code (CLASS){0,n}x}, has the largest program
     * the rule checks allow ({@link RuleLimits#MAX_REGEX_PROGRAM_SIZE}): on the longest description it does as much
     * regular-expression work as a rule may do on one line.
     */
    private static CompiledRule largestPatternRule(RuleEnvironment environment, String characterClass) {
        int repeats = 1;
        while (Pattern.compile("(" + characterClass + "){0," + (repeats + 1) + "}x")
                        .programSize()
                <= RuleLimits.MAX_REGEX_PROGRAM_SIZE) {
            repeats++;
        }
        String pattern = "(" + characterClass + "){0," + repeats + "}x";
        String expression = "line.description.matches(\"" + pattern.replace("\\", "\\\\") + "\")";
        if (environment.compile(expression) instanceof RuleEnvironment.Compilation.Compiled compiled) {
            return compiled.rule();
        }
        throw new IllegalStateException("The rule checks refuse " + expression);
    }

    @Benchmark
    public Verdict oneRuleOnOneLine() {
        return example.evaluate(declared);
    }

    @Benchmark
    public Verdict oneRuleOnALineWithoutQuantity() {
        return example.evaluate(quantityMissing);
    }

    @Benchmark
    public Verdict ruleNearTheStepLimitOnOneLine() {
        return nearTheStepLimit.evaluate(declared);
    }

    @Benchmark
    public long readingTheThreadsProcessorTime() {
        return THREADS.getCurrentThreadCpuTime();
    }

    @Benchmark
    public long readingTheWallClock() {
        return System.nanoTime();
    }

    @Benchmark
    public Verdict largestPatternAllowedOnTheLongestDescription() {
        return largestAsciiPattern.evaluate(longestAsciiDescription);
    }

    @Benchmark
    public Verdict largestLetterPatternAllowedOnTheLongestDescriptionOutsideAscii() {
        return largestLetterPattern.evaluate(longestDescriptionOutsideAscii);
    }

    @Benchmark
    public List<Finding> twentyRulesOnATwoLineEntry() {
        return book.evaluate(entry, SCORED);
    }

    private static EntryUnderReview entry(Declaration... lines) {
        return new EntryUnderReview(
                "ABC12345676",
                1,
                LocalDate.of(2026, 6, 15),
                "01",
                "BM",
                "12-3456789AB",
                "ABC",
                false,
                List.of(lines),
                History.NONE);
    }

    private static Declaration line(int number, double value, double quantity) {
        return line(number, value, quantity, "aluminium extrusions");
    }

    private static Declaration line(int number, double value, double quantity, String description) {
        return new Declaration(
                "ABC12345676",
                1,
                number,
                LocalDate.of(2026, 6, 15),
                "01",
                "12-3456789AB",
                "ABC",
                "3901",
                "11",
                "BM",
                "7604101000",
                "CN",
                "CN",
                "CNALUMIN88SHA",
                description,
                value,
                quantity,
                "KG",
                510,
                5,
                false,
                null,
                Map.of());
    }
}
