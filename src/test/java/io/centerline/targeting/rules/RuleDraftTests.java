package io.centerline.targeting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleDraftTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static RuleDraft draft(String tradeReason) {
        return draft(RuleCompilationTests.EXAMPLE, tradeReason);
    }

    private static RuleDraft draft(String expression, String tradeReason) {
        return new RuleDraft(
                "CN-ALU-LOW-VALUE",
                "Cheap Chinese aluminium",
                null,
                "BM",
                expression,
                "{line.hts} at {line.unitValue}",
                tradeReason,
                null,
                null,
                null);
    }

    private static List<RuleProblem> problems(RuleDraft draft) {
        return draft.problems(
                RuleCompilationTests.ENVIRONMENT, Set.of("BM", "ELEC")::contains, Set.of("targeter")::contains, TODAY);
    }

    @Test
    void aCompleteDraftHasNoProblem() {
        assertThat(problems(draft("The value of these goods is being compared with similar imports.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonIsRequiredAndNeverBlank() {
        assertThat(problems(draft(null))).extracting(RuleProblem::code).containsExactly("REQUIRED");
        assertThat(problems(draft(" \t"))).extracting(RuleProblem::code).containsExactly("REQUIRED");
    }

    @Test
    void theTradeReasonMayNotRevealTheRulesLogic() {
        assertThat(problems(draft("Unit value {line.unitValue} is low")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        assertThat(problems(draft("Selected because line.countryOfOrigin is China")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        assertThat(problems(draft("Matched " + RuleCompilationTests.EXAMPLE)))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
    }

    @Test
    void theTradeReasonMayNotNameTheRuleNorSpeakOfHowTargetingWeighsAnEntry() {
        for (String leaky : List.of(
                "Rule cn-alu-low-value found this entry.",
                "Flagged with strength 0.9 by the unit-value detector.",
                "Your entry passed the selection threshold.",
                "A high risk score was given to this entry.",
                "The risk model flagged this entry.",
                "Chosen by targeting.")) {
            assertThat(problems(draft(leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("The rules of origin of these goods are being checked.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonMayNotQuoteTheValuesTheRuleTestsNorAmountsOrShares() {
        assertThat(problems(draft("Aluminium from cn is being checked.")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no amounts, shares or values the"
                        + " rule tests (CN)");
        assertThat(problems(draft("Heading 7604 declared at 2.5 a kilogram is being checked.")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no amounts, shares or values the"
                        + " rule tests (7604, 2.5)");
        assertThat(problems(draft("Your goods are checked because the value is over $500,000.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        assertThat(problems(draft("Entries more than 30 % below the usual value are being checked.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
    }

    @Test
    void theTradeReasonMayNotQuoteATestedValueHoweverTheExpressionOrTheTextWritesIt() {
        assertThat(problems(draft(
                        "line.manufacturer == 'CNHENEAS263DON' && line.unitValue < 0.5",
                        "Goods from manufacturer CNHENEAS263DON are being checked.")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no amounts, shares or values the"
                        + " rule tests (CNHENEAS263DON)");
        assertThat(problems(draft("Aluminium declared under 2.50 a kilogram is being checked.")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no amounts, shares or values the"
                        + " rule tests (2.5)");
        assertThat(problems(draft("entry.totalValue >= 1000 && line.unitValue < 2.5", "Entries of 1,000 are checked.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        for (String leaky : List.of(
                "Lines under .5 a unit are checked.",
                "Lines under 0,5 a unit are checked.",
                "Entries of 1 000 dollars are checked.",
                "Goods of heading 76.04 are checked.")) {
            assertThat(problems(draft(
                            "entry.totalValue >= 1000 && line.hts.startsWith(\"7604\") && line.unitValue < 0.5",
                            leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
    }

    @Test
    void theTradeReasonMayNotNameAFieldByItsLastPartNorSpeakOfMachineLearning() {
        for (String leaky : List.of(
                "Entries whose unitValue is low are being checked.",
                "The relatedParty flag of this entry is being checked.",
                "The machine learning model found this entry unusual.",
                "An algorithm chose this entry.",
                "An AI model chose this entry.",
                "A statistical model chose this entry.")) {
            assertThat(problems(draft(leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("The quantity and value of these goods are being compared with similar imports.")))
                .isEmpty();
        assertThat(problems(draft("The air freight charges of these goods are being checked.")))
                .isEmpty();
    }

    @Test
    void aTradeReasonMayNameALawOrProgramWhoseNumberTheRuleDoesNotTest() {
        assertThat(problems(draft("Duties under Section 301 on these goods are being verified.")))
                .isEmpty();
        assertThat(problems(draft("The concentration of these goods is being checked.")))
                .isEmpty();
    }

    @Test
    void aNewVersionTakesWhatItLeavesOutFromTheLatestVersion() {
        Rule latest = RuleSetTests.rule("CN-ALU-LOW-VALUE", 3, RuleCompilationTests.EXAMPLE, "BM", TODAY, null);

        RuleDraft next =
                new RuleDraft(null, null, null, null, "line.unitValue < 1.0", null, null, 0.2, null, null).over(latest);

        assertThat(next.code()).isEqualTo("CN-ALU-LOW-VALUE");
        assertThat(next.expression()).isEqualTo("line.unitValue < 1.0");
        assertThat(next.strength()).isEqualTo(0.2);
        assertThat(next.center()).isEqualTo("BM");
        assertThat(next.tradeReason()).isEqualTo(latest.tradeReason());
        assertThat(next.reasonTemplate()).isEqualTo(latest.reasonTemplate());
        assertThat(next.activeFrom()).isNull();
    }

    @Test
    void aNewVersionMayWidenTheRuleToEveryCenter() {
        Rule latest = RuleSetTests.rule("CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE, "BM", TODAY, null);
        RuleDraft kept = new RuleDraft(null, null, null, null, null, null, null, null, null, null).over(latest);
        RuleDraft widened = new RuleDraft(null, null, null, "", null, null, null, null, null, null).over(latest);

        assertThat(kept.scope()).isEqualTo("BM");
        assertThat(widened.scope()).isNull();
        assertThat(problems(widened)).isEmpty();
    }
}
