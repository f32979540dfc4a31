package io.centerline.targeting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.targeting.rules.RuleEnvironment.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCompilationTests {

    static final RuleEnvironment ENVIRONMENT = new RuleEnvironment();
    static final String EXAMPLE =
            "line.countryOfOrigin == \"CN\" && line.hts.startsWith(\"7604\") && line.unitValue < 2.5";

    static CompiledRule compiled(String expression) {
        Compilation compilation = ENVIRONMENT.compile(expression);
        assertThat(compilation).as("compiling %s", expression).isInstanceOf(Compilation.Compiled.class);
        return ((Compilation.Compiled) compilation).rule();
    }

    static List<RuleProblem> refused(String expression) {
        Compilation compilation = ENVIRONMENT.compile(expression);
        assertThat(compilation).as("compiling %s", expression).isInstanceOf(Compilation.Refused.class);
        return ((Compilation.Refused) compilation).problems();
    }

    @Test
    void theIssueExampleCompilesAndKnowsTheFieldsItReads() {
        assertThat(compiled(EXAMPLE).fields())
                .containsExactlyInAnyOrder("line.countryOfOrigin", "line.hts", "line.unitValue");
    }

    @Test
    void anUnknownFieldIsRefusedWithItsPositionAndTheFieldMeant() {
        List<RuleProblem> problems = refused("line.countryOfOrigin == \"CN\" && line.htss.startsWith(\"7604\")");

        assertThat(problems).hasSize(1);
        RuleProblem problem = problems.get(0);
        assertThat(problem.code()).isEqualTo("RULE_DOES_NOT_COMPILE");
        assertThat(problem.field()).isEqualTo("expression");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(33);
        assertThat(problem.message()).contains("Unknown field 'line.htss'", "did you mean 'line.hts'?");
        assertThat(problem.snippet()).endsWith("\n" + " ".repeat(32) + "^");
    }

    @Test
    void aGroupOfFieldsReadAsAWholeIsRefusedAsTheGroupItIs() {
        RuleProblem problem = refused("type(line) == map").get(0);

        assertThat(problem.message())
                .startsWith("'line' is no field nor variable of its own but the group of the line fields, which a rule"
                        + " reads one by one, such as 'line.lineNumber'. The fields rules may read");
    }

    @Test
    void anUnknownFieldWithNoFieldNearItEndsItsSentence() {
        assertThat(refused("line.zzzzzzzzzzzz == \"a\"").get(0).message())
                .startsWith("Unknown field 'line.zzzzzzzzzzzz'. The fields rules may read");
    }

    @Test
    void hasOnACataloguedFieldSaysWhyEveryFieldHoldsAValue() {
        RuleProblem problem = refused("has(line.hts)").get(0);

        assertThat(problem.message())
                .startsWith("has() asks whether a message carries a field")
                .contains("line.hasQuantity");
    }

    @Test
    void comparingANumberWithTextIsRefusedByTheTypeChecker() {
        RuleProblem problem = refused("line.unitValue < \"a\"").get(0);

        assertThat(problem.message()).contains("no matching overload for '_<_' applied to '(double, string)'");
        assertThat(problem.column()).isEqualTo(16);
    }

    @Test
    void aRuleMustAnswerTrueOrFalse() {
        assertThat(refused("line.hts").get(0).message()).contains("expected type 'bool' but found 'string'");
    }

    @Test
    void aProblemOnALaterLineOfTheExpressionNamesThatLine() {
        RuleProblem problem = refused("line.countryOfOrigin == \"CN\"\n  && line.unitValeu < 2.5")
                .get(0);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(6);
        assertThat(problem.message()).contains("did you mean 'line.unitValue'?");
    }

    @Test
    void aSyntaxErrorIsRefused() {
        assertThat(refused("line.hts == ").get(0).code()).isEqualTo("RULE_DOES_NOT_COMPILE");
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertThat(refused("  ").get(0).code()).isEqualTo("REQUIRED");
    }

    @Test
    void numbersCompareWithWholeNumberLiterals() {
        assertThat(compiled("line.unitValue < 3 && entry.lineCount >= 1.0").fields())
                .contains("line.unitValue", "entry.lineCount");
    }

    @Test
    void aLongRuleAsTargetersWriteThemStaysWithinTheLimits() {
        String expression = """
                (line.countryOfOrigin in ["CN", "HK", "MO"] || line.countryOfExport in ["MY", "TH", "VN"])
                && (line.hts.startsWith("7604") || line.hts.startsWith("7606") || line.hts.startsWith("7608"))
                && !account.trustedPartner
                && entry.entryType in ["01", "11"]
                && line.adcvdCaseNumber == ""
                && (line.unitValue < 2.5 || (line.hasGrossWeight && line.valuePerKg < 3.0))
                && (history.importerFindingRate > 0.2 || history.manufacturerFindings >= 1 || history.importerReviews == 0)
                && line.description.lowerAscii().contains("alumin")
                && !line.description.matches("(?i)sample|no commercial value")
                && entry.totalValue > 10000.0 && entry.entryDate >= "2026-01-01"
                """;

        assertThat(compiled(expression).fields()).hasSizeGreaterThan(10);
    }
}
