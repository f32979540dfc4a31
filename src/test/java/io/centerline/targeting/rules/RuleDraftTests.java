package io.centerline.targeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                .containsExactly(
                        "The trade reason is plain words for the importer: no country the rule tests, by any name (CN)");
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
    void theTradeReasonIsWrittenInPlainCharactersWithoutLongNumbersMarkupOrNumbersInWords() {
        for (String leaky : List.of(
                "Heading \uFF17\uFF16\uFF10\uFF14 goods from this origin are being checked.",
                "Heading 76\u200B04 goods from this origin are being checked.",
                "Goods declared below 2\u00BD a kilogram are being checked.",
                "Importer 14-265501900 and others file goods like these.",
                "Goods declared below two and a half dollars are being checked.",
                "Goods declared below two point five a kilogram are being checked.",
                "Goods worth less than half a dollar each are being checked.",
                "The unit value is low compared to the rule limit for these goods.",
                "<script>alert(1)</script> these goods are being checked.")) {
            assertThat(problems(draft(leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("Goods of one kind from two countries are being compared with similar imports.")))
                .isEmpty();
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
    void aTradeReasonSaysInAtLeastThreeWordsWhyTheEntryIsLookedAt() {
        for (String empty : List.of(".", "x", "Checked.", "- 1 2 3 -", "a b c d")) {
            assertThat(problems(draft(empty)))
                    .as(empty)
                    .extracting(RuleProblem::field, RuleProblem::code)
                    .containsExactly(tuple("tradeReason", "TRADE_REASON_TOO_SHORT"));
        }
        assertThat(problems(draft("Goods are checked."))).isEmpty();
    }

    @Test
    void theTradeReasonMayNotWriteAnAmountWithACurrencyCodeOrWord() {
        for (String leaky : List.of(
                "Aluminium declared below USD 2.49 is being checked.",
                "Goods of USD 3 a kilogram are being checked.",
                "Goods of US$ 3 a kilogram are being checked.",
                "Goods of 3 dollars a kilogram are being checked.",
                "Goods of 3 USD a kilogram are being checked.",
                "Goods of EUR 3 a kilogram are being checked.",
                "Goods of 40 cents a kilogram are being checked.",
                "Goods of one dollar a kilogram are being checked.")) {
            assertThat(problems(draft(leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("All 3 lines of these goods are being checked.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonMayNotWriteTheRulesStrength() {
        RuleDraft weighted = new RuleDraft(
                "CN-ALU-LOW-VALUE",
                "Cheap Chinese aluminium",
                null,
                "BM",
                RuleCompilationTests.EXAMPLE,
                "{line.hts} at {line.unitValue}",
                "Goods of weight 0.8 are being checked.",
                0.8,
                null,
                null);
        assertThat(problems(weighted))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no amounts, shares or values the"
                        + " rule tests (0.8)");
        assertThat(problems(draft("Goods rated ,5 and .5 are being checked.")))
                .extracting(RuleProblem::code)
                .as("the default strength, 0.5")
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        assertThat(problems(draft("Line 1 of these goods is being checked."))).isEmpty();
    }

    @Test
    void theTradeReasonMayNotWriteATestedWordInThePluralNorAsOneWord() {
        String pattern = "line.description.matches(\"(?i)(replica|knock.?off)\") && line.unitValue < 2.5";
        for (String leaky : List.of(
                "Goods described as replicas are being examined.",
                "Goods described as knockoffs or replicas are being examined.",
                "Goods described as knockoff are being examined.",
                "Goods described as REPLICA items are being examined.",
                "Goods described as knock-offs are being examined.")) {
            assertThat(problems(draft(pattern, leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("line.description.contains(\"laptop\")", "Laptops on this entry are checked.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        assertThat(problems(draft("line.description.contains(\"box\")", "Boxes on this entry are checked.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        assertThat(problems(draft(pattern, "The description of the goods on this entry is being checked.")))
                .isEmpty();
        assertThat(problems(draft(pattern, "Goods knocked over in transit are being examined.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonMayNotWriteATestedNumberAsAMixedFraction() {
        for (String leaky : List.of(
                "Goods priced under 2 1/2 per unit are under review.",
                "Goods priced under 2-1/2 per unit are under review.",
                "Goods priced under 2 and 1/2 per unit are under review.",
                "Goods priced under two and a half per unit are under review.")) {
            assertThat(problems(draft("line.unitValue < 2.5", leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("line.unitValue < 2.5", "Goods priced under 3 1/4 per unit are under review.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonMayNotSpellATestedHtsPrefixAsChapterHeadingAndSubheading() {
        String heading = "line.hts.startsWith(\"7604\")";
        String subheading = "line.hts.startsWith(\"760410\")";
        for (List<String> leak : List.of(
                List.of(heading, "Aluminium items of chapter 76 heading 04 are being checked."),
                List.of(heading, "Aluminium items of heading 04 of chapter 76 are being checked."),
                List.of(heading, "Aluminium items of Chapter 76, heading 4, are being checked."),
                List.of(heading, "Aluminium items of chapter seven six heading zero four are being checked."),
                List.of(subheading, "Aluminium of chapter 76 heading 04 subheading 10 is being checked."))) {
            assertThat(problems(draft(leak.get(0), leak.get(1))))
                    .as(leak.get(1))
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft(heading, "Aluminium items of chapter 76 are being checked.")))
                .isEmpty();
        assertThat(problems(draft(heading, "Aluminium items of chapter 76 heading 10 are being checked.")))
                .isEmpty();
    }

    @Test
    void aTestedCountryCodeInTheTradeReasonIsRefusedAsACountry() {
        assertThat(problems(draft("Goods from CN are being compared with similar imports.")))
                .extracting(RuleProblem::field, RuleProblem::code, RuleProblem::message)
                .containsExactly(tuple(
                        "tradeReason",
                        "TRADE_REASON_REVEALS_RULE",
                        "The trade reason is plain words for the importer: no country the rule tests, by any name"
                                + " (CN)"));
    }

    @Test
    void aTooShortTradeReasonSaysHowManyWordsItHas() {
        assertThat(problems(draft("x")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason tells the importer in words why the entry is looked at: at least 3"
                        + " words of two or more letters, and 'x' has none");
        assertThat(problems(draft("Goods checked")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason tells the importer in words why the entry is looked at: at least 3"
                        + " words of two or more letters, and 'Goods checked' has only 2");
    }

    @Test
    void aRuleIsInForceFromTheBusinessDateOrLaterNeverFromADayInThePast() {
        RuleDraft past = new RuleDraft(
                "CN-ALU-LOW-VALUE",
                "Cheap Chinese aluminium",
                null,
                "BM",
                RuleCompilationTests.EXAMPLE,
                "{line.hts} at {line.unitValue}",
                "The value of these goods is being compared with similar imports.",
                null,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 6, 1));
        RuleDraft today = new RuleDraft(
                "CN-ALU-LOW-VALUE",
                "Cheap Chinese aluminium",
                null,
                "BM",
                RuleCompilationTests.EXAMPLE,
                "{line.hts} at {line.unitValue}",
                "The value of these goods is being compared with similar imports.",
                null,
                TODAY,
                TODAY.minusDays(1));

        assertThat(problems(past))
                .extracting(RuleProblem::field, RuleProblem::code)
                .containsExactly(tuple("activeFrom", "DATE_IN_PAST"));
        assertThat(problems(past).get(0).message()).contains("2026-06-30", "2025-01-01");
        assertThat(problems(today))
                .extracting(RuleProblem::field, RuleProblem::code)
                .containsExactly(tuple("activeTo", "PERIOD_ORDER"));
    }

    @Test
    void theTradeReasonMayNotSpeakInStatisticalTerms() {
        for (String leaky : List.of(
                "Values below the mean minus 3 sigma are being checked.",
                "Values two standard deviations below similar imports are being checked.",
                "A standard deviation from similar imports is being checked.",
                "The z-score of this value is being checked.",
                "Values in the lowest percentile are being checked.",
                "Values in the lowest quartile are being checked.",
                "Values under the threshold are being checked.",
                "A regression over similar imports flagged this entry.",
                "The variance of these values is being checked.")) {
            assertThat(problems(draft(leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("The value of these goods is far below the usual value of similar imports.")))
                .isEmpty();
        assertThat(problems(draft("These goods may mean duties are owed, and are being checked.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonMayNotWriteATestedHeadingWithMoreDigitsOrSpaced() {
        for (String leaky : List.of(
                "Goods of 7604101000 are being checked.",
                "Goods of heading 76 04 are being checked.",
                "Goods of heading 7 6 0 4 are being checked.",
                "Goods of 7604-10-10 are being checked.",
                "Goods of 7604 10 are being checked.")) {
            assertThat(problems(draft(leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::message)
                    .containsExactly("The trade reason is plain words for the importer: no amounts, shares or values"
                            + " the rule tests (7604)");
        }
        assertThat(problems(draft("Goods of heading 7610 are being checked."))).isEmpty();
        assertThat(problems(draft("Goods entered in 2026 are being checked."))).isEmpty();
    }

    @Test
    void theTradeReasonMayNotTellATestedValueInWordsWithAScaleAsACountOfACountOrWithASpacedPoint() {
        Map<String, List<String>> leaks = Map.of(
                "entry.totalValue > 10000.0",
                List.of(
                        "Entries above ten grand are under review.",
                        "Entries above ten K are under review.",
                        "Entries worth ten thousands are under review."),
                "history.importerFindingRate > 0.3",
                List.of(
                        "More than three in ten earlier reviews found problems.",
                        "More than three out of ten earlier reviews found problems."),
                "history.importerReviews >= 12",
                List.of("Importers reviewed a dozen times before are being checked."),
                "history.importerReviews >= 24",
                List.of("Importers reviewed two dozen times before are being checked."),
                RuleCompilationTests.EXAMPLE,
                List.of("Goods priced under 2 . 5 each are being checked.", "Goods from CHN are being checked."));
        leaks.forEach((expression, reasons) -> {
            for (String leaky : reasons) {
                assertThat(problems(draft(expression, leaky)))
                        .as(leaky)
                        .extracting(RuleProblem::code)
                        .containsExactly("TRADE_REASON_REVEALS_RULE");
            }
        });
        for (String plain : List.of(
                "Thousands of entries are filed each week; this one is being checked.",
                "One in a while an entry is checked at random.",
                "Goods from a third country are being checked.")) {
            assertThat(problems(draft("entry.totalValue > 10000.0", plain)))
                    .as(plain)
                    .isEmpty();
        }
    }

    @Test
    void theTradeReasonMayNotTellATestedValueInAbbreviationsOrAnotherNotation() {
        Map<String, List<String>> leaks = Map.of(
                "history.importerFindingRate > 0.3 && history.importerReviews >= 5",
                List.of(
                        "Over 30pct of earlier reviews of these goods found problems.",
                        "More than 3 in 10 earlier reviews of these goods found problems."),
                "entry.totalValue > 1000000.0",
                List.of(
                        "Entries worth over 1M are being checked.",
                        "Entries worth over 1e6 are being checked.",
                        "Entries worth seven figures are being checked."),
                "line.dutyRate == 0.0 && line.enteredValue > 5000.0",
                List.of(
                        "Lines worth over 5k are being checked.",
                        "Lines worth over 5 grand are being checked.",
                        "Lines worth over 5.000,00 are being checked."),
                "entry.modeOfTransport == \"40\" && line.valuePerKg < 0.5",
                List.of("Air shipments valued under 50c per kilo are being checked."),
                "line.relatedParty && line.unitValue < 1.0",
                List.of(
                        "Goods valued under a dollar each are being checked.",
                        "Goods valued under a buck each are being checked."),
                RuleCompilationTests.EXAMPLE,
                List.of(
                        "Goods of heading 76/04 are being checked.",
                        "Goods of heading 76_04 are being checked.",
                        "Goods priced under 2\u00B75 each are being checked.",
                        "Goods priced under 2 point 5 each are being checked.",
                        "Goods priced under 25 dimes each are being checked.",
                        "Goods from \u0421hina are being checked.",
                        "Goods from C.N. priced low are being checked.",
                        "Goods from c-n priced low are being checked.",
                        "Goods from C N priced low are being checked."),
                "line.relatedParty && line.countryOfOrigin == \"US\"",
                List.of("Goods returned to the U.S. are being checked."),
                "line.description.matches(\"(?i)(replica|knock.?off)\")",
                List.of("Goods described as replica are being checked.", "Goods described as knock-off are checked."));
        leaks.forEach((expression, reasons) -> {
            for (String leaky : reasons) {
                assertThat(problems(draft(expression, leaky)))
                        .as(leaky)
                        .extracting(RuleProblem::code)
                        .containsExactly("TRADE_REASON_REVEALS_RULE");
            }
        });
        assertThat(problems(draft(
                        "line.description.matches(\"(?i)(replica|knock.?off)\")",
                        "The description of the goods on this entry is being checked.")))
                .isEmpty();
        assertThat(problems(draft("entry.totalValue > 1000000.0", "Entries of 3 lines are being checked in 2026.")))
                .isEmpty();
        // a code that is a word in lower case is told apart only in capitals
        assertThat(problems(draft(
                        "line.relatedParty && line.countryOfOrigin == \"US\"",
                        "Goods sold to us at a related party's price are being checked.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonMayNotTellATestedValueInSpeltDigitsOtherScriptsOrFractions() {
        for (String leaky : List.of(
                "Headings seven six zero four are under review.",
                "Items of heading \u096D\u096C\u0966\u096A are under review this month.",
                "Prices under 5/2 are reviewed by our team now.",
                "Prices under 10 / 4 are reviewed by our team now.")) {
            assertThat(problems(draft(leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("One of the lines of this entry is being compared with two similar imports.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonMayNotNameACountryTheRuleTestsNorSpeakOfScoring() {
        assertThat(problems(draft("Goods from China are being compared with similar imports.")))
                .extracting(RuleProblem::message)
                .containsExactly(
                        "The trade reason is plain words for the importer: no country the rule tests, by any name (China)");
        assertThat(problems(draft(
                        "line.countryOfOrigin == \"VN\"",
                        "Goods from Viet Nam are being compared with similar imports.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        assertThat(problems(draft(
                        "line.countryOfOrigin == \"VN\"",
                        "Goods from Vietnam are being compared with similar imports.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
        assertThat(problems(draft("Goods from Chinatown suppliers are being compared with similar imports.")))
                .isEmpty();
        assertThat(problems(draft("Our risk scoring engine flagged this shipment for a closer look.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
    }

    @Test
    void theTradeReasonMayNotNameATestedCountryByItsNationalityOrAnotherName() {
        assertThat(problems(
                        draft("Aluminium goods from the People's Republic valued under two fifty each are examined.")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no country the rule tests, by any"
                        + " name (People's Republic)");
        assertThat(problems(draft("Extrusions of Chinese origin below a unit value of two and one half are examined.")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no country the rule tests, by any"
                        + " name (Chinese)");
        for (String leaky : List.of(
                "Aluminium from the PRC is being compared with similar imports.",
                "Aluminium from the prc is being compared with similar imports.",
                "Aluminium from the People's Republic of China is being compared with similar imports.",
                "Aluminium from the Peoples Republic is being compared with similar imports.",
                "Aluminium from the People\u2019s Republic is being compared with similar imports.",
                "Aluminium from Mainland China is being compared with similar imports.",
                "Chinese-made aluminium is being compared with similar imports.",
                "Aluminium of CHINESE make is being compared with similar imports.",
                "Aluminium from the Middle Kingdom is being compared with similar imports.")) {
            assertThat(problems(draft(leaky)))
                    .as(leaky)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
    }

    @Test
    void everyTestedCountryIsRefusedByItsNationalityAndItsOtherNames() {
        // the code, the name as the reason writes it and, when it differs, as the refusal quotes it
        for (List<String> country : List.of(
                List.of("VN", "Vietnamese"),
                List.of("KR", "Korean"),
                List.of("KR", "Koreans"),
                List.of("KR", "Korea"),
                List.of("KR", "South Korea"),
                List.of("TW", "Taiwanese"),
                List.of("IN", "Indian"),
                List.of("MX", "Mexican"),
                List.of("CA", "Canadian"),
                List.of("DE", "German"),
                List.of("JP", "Japanese"),
                List.of("TH", "Thai"),
                List.of("MY", "Malaysian"),
                List.of("ID", "Indonesian"),
                List.of("TR", "Turkish"),
                List.of("TR", "T\u00FCrkiye"),
                List.of("TR", "Turkiye"),
                List.of("NL", "Dutch"),
                List.of("NL", "Holland"),
                List.of("GB", "British"),
                List.of("GB", "UK"),
                List.of("GB", "U.K.", "U.K"),
                List.of("GB", "Great Britain"),
                List.of("AE", "Emirati"),
                List.of("AE", "UAE"),
                List.of("TT", "Trinidad and Tobago"),
                List.of("HK", "Hongkong"),
                List.of("US", "US"))) {
            String reason = "The " + country.get(1) + " goods of this entry are being compared with similar imports.";
            assertThat(problems(draft("line.countryOfOrigin == \"" + country.get(0) + "\"", reason)))
                    .as(reason)
                    .extracting(RuleProblem::message)
                    .containsExactly("The trade reason is plain words for the importer: no country the rule tests, by"
                            + " any name (" + country.get(country.size() - 1) + ")");
        }
    }

    @Test
    void aCountryTheRuleDoesNotTestMayBeNamedAndAShortWordOnlyInCapitalsNamesOne() {
        assertThat(problems(draft("Vietnamese and Korean goods like these are being compared with similar imports.")))
                .isEmpty();
        assertThat(problems(draft("Goods from Chinatown suppliers are being compared with similar imports.")))
                .isEmpty();
        assertThat(problems(draft(
                        "line.countryOfOrigin == \"US\"",
                        "The goods this entry returns to us are being compared with similar imports.")))
                .isEmpty();
        assertThat(problems(draft(
                        "line.countryOfOrigin == \"GB\"",
                        "The goods of this entry are being compared with similar imports from other countries.")))
                .isEmpty();
    }

    @Test
    void theTradeReasonMayNotWriteANumberInWordsThatTellsAValue() {
        Map<String, String> leaky = new LinkedHashMap<>();
        leaky.put("Aluminium goods declared under twenty-five tenths per unit are examined.", "twenty-five tenths");
        leaky.put("Aluminium goods valued under two fifty each are examined.", "two fifty");
        leaky.put("Extrusions below a unit value of two and one half are examined.", "two and one half");
        leaky.put("Goods declared below two and a half a kilogram are being checked.", "two and a half");
        leaky.put("Goods sold at three quarters of the usual value are being checked.", "three quarters");
        leaky.put("Goods declared under one point five a unit are being checked.", "one point five");
        leaky.put("Goods declared under point five a unit are being checked.", "point five");
        leaky.put("Goods declared at half the usual value are being checked.", "half");
        leaky.put("Goods declared at a quarter of the usual value are being checked.", "a quarter");
        leaky.put("Goods priced in tenths of the usual value are being checked.", "tenths");
        leaky.put("Goods priced in hundredths of the usual value are being checked.", "hundredths");
        leaky.put("Goods declared at one third of the usual value are being checked.", "one third");
        leaky.put("Goods declared at two-thirds of the usual value are being checked.", "two-thirds");
        leaky.put("Goods declared at a tenth of the usual value are being checked.", "a tenth");
        leaky.put("Entries of a hundred and fifty lines are being checked.", "a hundred and fifty");
        leaky.put("Entries of twenty-five lines are being checked.", "twenty-five");
        leaky.put("Goods worth less than half the usual amount each are being checked.", "half");
        leaky.forEach((reason, found) -> assertThat(problems(draft("line.unitValue < 2.5", reason)))
                .as(reason)
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no numbers in words beyond a"
                        + " plain count (" + found + ")"));
    }

    @Test
    void theTradeReasonMayNotWriteInWordsANumberWithinOnePerCentOfATestedValue() {
        for (String expression : List.of("entry.totalValue >= 1000", "entry.totalValue >= 995.5")) {
            assertThat(problems(draft(expression, "Entries worth about a thousand are being checked.")))
                    .as(expression)
                    .extracting(RuleProblem::code)
                    .containsExactly("TRADE_REASON_REVEALS_RULE");
        }
        assertThat(problems(draft("line.unitValue < 20", "Lines valued under twenty are being checked.")))
                .extracting(RuleProblem::message)
                .containsExactly("The trade reason is plain words for the importer: no amounts, shares or values the"
                        + " rule tests (20)");
        assertThat(problems(draft("entry.totalValue >= 1100", "Entries worth about a thousand are being checked.")))
                .isEmpty();
        assertThat(problems(draft("line.quantity > 1", "Goods of one kind are being compared with similar imports.")))
                .isEmpty();
    }

    @Test
    void aTradeReasonMayCountThingsInPlainWords() {
        for (String honest : List.of(
                "Goods of one kind from two countries are being compared with similar imports.",
                "One of several lines of this entry is being compared with similar imports.",
                "The first line of this entry is being compared with similar imports.",
                "A second look at the goods of this entry is being taken.",
                "Goods shipped through a third country are being compared with similar imports.",
                "Lines one and two of this entry are being compared with similar imports.",
                "Goods entered in the last quarter are being compared with similar imports.",
                "Hundreds of similar imports are being compared with these goods.",
                "A forty-foot container of these goods is being checked.",
                "The goods of this entry, one by one, are being compared with similar imports.",
                "The air freight charges of these goods are being checked on behalf of the port.",
                "No one has reviewed these goods yet, and they are being compared with similar imports.",
                "Half-finished steel products of this entry are being compared with similar imports.")) {
            assertThat(problems(draft(honest))).as(honest).isEmpty();
        }
    }

    @Test
    void theTradeReasonsOfTheDocumentationAndExamplesStayAccepted() {
        String laptops = "line.hts.startsWith(\"8471\") && line.countryOfOrigin == \"VN\""
                + " && entry.importer == \"12-345678900\"";
        for (List<String> example : List.of(
                List.of(
                        RuleCompilationTests.EXAMPLE,
                        "The declared value of these aluminium goods is being compared with similar imports."),
                List.of(
                        RuleCompilationTests.EXAMPLE,
                        "The value of the aluminium goods is being compared with similar imports."),
                List.of(
                        RuleCompilationTests.EXAMPLE,
                        "The declared value of this aluminium is being compared with similar imports."),
                List.of(
                        "line.description.contains(\"laptop\")",
                        "The description of the goods is being compared with similar imports."),
                List.of("line.unitValue < 1.0", "The value of the goods is being compared with similar imports."),
                List.of("entry.importer == \"12-345678900\"", "The entry summary is being checked."),
                List.of(laptops, "The classification and origin of the computers on this entry are being checked."))) {
            assertThat(problems(draft(example.get(0), example.get(1))))
                    .as(example.get(1))
                    .isEmpty();
        }
    }

    @Test
    void aTestedCodeOfCapitalsIsRefusedInCapitalsOnlySinceInLowerCaseItIsAnEnglishWord() {
        String expression = "line.countryOfOrigin == \"IN\" && line.unit == \"NO\"";

        assertThat(problems(
                        draft(expression, "The goods declared in this entry are being verified, no action is due.")))
                .isEmpty();
        assertThat(problems(draft(expression, "Goods of IN origin are being verified.")))
                .extracting(RuleProblem::code)
                .containsExactly("TRADE_REASON_REVEALS_RULE");
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

        RuleDraft next = new RuleDraft(null, null, null, null, "line.unitValue < 1.0", null, null, 0.2, null, null)
                .over(latest, TODAY);

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
        RuleDraft kept = new RuleDraft(null, null, null, null, null, null, null, null, null, null).over(latest, TODAY);
        RuleDraft widened = new RuleDraft(null, null, null, "", null, null, null, null, null, null).over(latest, TODAY);

        assertThat(kept.scope()).isEqualTo("BM");
        assertThat(widened.scope()).isNull();
        assertThat(problems(widened)).isEmpty();
    }

    @Test
    void aCenterCodeIsReadInAnyCaseAndKeptInCapitals() {
        RuleDraft lower = new RuleDraft(null, null, null, " elec ", null, null, null, null, null, null);
        Rule latest = RuleSetTests.rule("CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE, "BM", TODAY, null);

        assertThat(lower.center()).isEqualTo("ELEC");
        assertThat(lower.scope()).isEqualTo("ELEC");
        assertThat(problems(lower.over(latest, TODAY))).isEmpty();
        assertThat(new RuleDraft(null, null, null, "bm", null, null, null, null, null, null)
                        .over(latest, TODAY)
                        .repeats(latest))
                .as("the latest version's own Center in lower case changes nothing")
                .isTrue();
    }

    @Test
    void aNewVersionOfARulePlannedForAComingPeriodKeepsThePeriod() {
        Rule planned = RuleSetTests.rule(
                "CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE, "BM", TODAY.plusDays(14), TODAY.plusDays(20));

        RuleDraft renamed =
                new RuleDraft(null, "renamed", null, null, null, null, null, null, null, null).over(planned, TODAY);

        assertThat(renamed.activeFrom()).isEqualTo(TODAY.plusDays(14));
        assertThat(renamed.activeTo()).isEqualTo(TODAY.plusDays(20));
    }

    @Test
    void aNewVersionOfARuleInForceStartsTodayAndEndsWhereTheLatestEnds() {
        Rule running = RuleSetTests.rule(
                "CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE, "BM", TODAY.minusDays(30), TODAY.plusDays(5));

        RuleDraft stronger =
                new RuleDraft(null, null, null, null, null, null, null, 0.9, null, null).over(running, TODAY);
        RuleDraft longer = new RuleDraft(null, null, null, null, null, null, null, 0.9, null, TODAY.plusDays(60))
                .over(running, TODAY);

        assertThat(stronger.activeFrom()).as("the business date").isNull();
        assertThat(stronger.activeTo()).isEqualTo(TODAY.plusDays(5));
        assertThat(longer.activeTo()).isEqualTo(TODAY.plusDays(60));
    }

    @Test
    void aNewVersionOfARetiredRuleIsOpenEnded() {
        Rule retired = RuleSetTests.rule(
                "CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE, "BM", TODAY.minusDays(30), TODAY.minusDays(1));

        RuleDraft revived =
                new RuleDraft(null, null, null, null, null, null, null, 0.9, null, null).over(retired, TODAY);

        assertThat(revived.activeFrom()).isNull();
        assertThat(revived.activeTo()).isNull();
    }

    @Test
    void aNewVersionRepeatingAPlannedRuleIsNoChange() {
        Rule planned = RuleSetTests.rule(
                "CN-ALU-LOW-VALUE", 1, RuleCompilationTests.EXAMPLE, "BM", TODAY.plusDays(14), TODAY.plusDays(20));

        RuleDraft same = new RuleDraft(null, null, null, null, null, null, null, null, null, null).over(planned, TODAY);

        assertThat(same.repeats(planned)).isTrue();
    }
}
