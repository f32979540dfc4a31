package io.centerline.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AssessmentWordsTests {

    /** The specialist's words need no reference data; only the importer's name the Center. */
    private final AssessmentWords words = new AssessmentWords(null);

    private static RiskAssessment assessment(String selection, double score, RiskAssessment.Grounds grounds) {
        return assessment(selection, score, false, grounds);
    }

    private static RiskAssessment assessment(
            String selection, double score, boolean trustedPartner, RiskAssessment.Grounds grounds) {
        return new RiskAssessment(
                "ABC12345676",
                1,
                "ELEC",
                "12-3456789AB",
                LocalDate.of(2026, 3, 2),
                trustedPartner,
                score,
                null,
                null,
                selection,
                grounds,
                List.of(),
                Instant.parse("2026-03-12T10:00:00Z"),
                null);
    }

    private static RiskAssessment.Grounds grounds(SelectionGround ground, double threshold, int items, int risk) {
        return new RiskAssessment.Grounds(ground, threshold, items, risk, items - risk, null, null);
    }

    @Test
    void aSummaryNothingFoundAnythingInIsNotSaidToLieBelowAThresholdItEquals() {
        RiskAssessment a = assessment(null, 0, grounds(SelectionGround.NOTHING_FOUND, 0, 40, 38));

        assertThat(words.reasons(a))
                .containsExactly(
                        "Not selected: nothing raised its score above zero (score 0.000, threshold 0.000, capacity 40 a"
                                + " week (38 for risk, 2 for the control sample)).",
                        "No rule, detector or model found anything to look at.");
    }

    @Test
    void aWeekWithoutRiskItemsSaysSoRatherThanNamingAThreshold() {
        RiskAssessment a =
                assessment(null, 0.999, grounds(SelectionGround.NO_RISK_ITEMS, Double.POSITIVE_INFINITY, 1, 0));

        assertThat(words.reasons(a).get(0))
                .isEqualTo("Not selected: the Center's capacity gives the week no risk review items (score 0.999,"
                        + " threshold none left, capacity 1 a week (0 for risk, 1 for the control sample)).");
    }

    @Test
    void anInfiniteThresholdIsShownInJsonAsNoneWhileAFiniteOneIsANumber() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.valueToTree(grounds(SelectionGround.NO_RISK_ITEMS, Double.POSITIVE_INFINITY, 1, 0))
                        .get("threshold")
                        .isNull())
                .isTrue();
        assertThat(json.valueToTree(grounds(SelectionGround.BELOW_THRESHOLD, 0.25, 40, 38))
                        .get("threshold")
                        .asDouble())
                .isEqualTo(0.25);
    }

    @Test
    void aWeekOfOneRiskItemSpeaksOfItInTheSingular() {
        RiskAssessment a = assessment(null, 0.7, grounds(SelectionGround.ITEMS_TAKEN, 0.5, 2, 1));

        assertThat(words.reasons(a).get(0))
                .startsWith("Not selected: at or above the selection threshold, but the week's only risk review item"
                        + " was already taken");
    }

    @Test
    void aDisplacedSelectionShowsTheTwoScoresWithAsManyDecimalsAsTellThemApart() {
        RiskAssessment a = assessment(null, 0.99912, grounds(SelectionGround.RISKIEST, 0.5, 40, 38))
                .displacedBy(new EntryKey("ABC12345684", 1), 0.99947);

        assertThat(words.reasons(a).get(0))
                .isEqualTo("Not selected: it gave its risk review item to ABC12345684 v1, riskier and of the same"
                        + " Center and week (score 0.9991 against 0.9995).");
        assertThat(words.tradeReasons(a)).containsExactly(AssessmentWords.NOTHING_PLANNED);
    }

    @Test
    void aControlSelectionThatGaveWaySaysTheDrawPutAnotherFirstAndNothingOfRisk() {
        RiskAssessment a = assessment(null, 0.9, grounds(SelectionGround.CONTROL_DRAW, 0.5, 40, 38))
                .displacedBy(new EntryKey("ABC12345684", 1), 0.1);

        assertThat(words.reasons(a).get(0))
                .startsWith("Not selected: drawn for the random control sample, it gave its control review item to"
                        + " ABC12345684 v1 of the same Center and week, which the random draw put first")
                .doesNotContain("riskier", "0.9", "0.1");
        assertThat(words.tradeReasons(a)).containsExactly(AssessmentWords.NOTHING_PLANNED);
    }

    @Test
    void aTrustedSelectionThatGaveWayToALessRiskySummarySaysItRankedLowerAtTheTrustedPartnersShare() {
        RiskAssessment a = assessment(null, 0.218, true, grounds(SelectionGround.RISKIEST, 0.15, 20, 19))
                .displacedBy(new EntryKey("ABC12345684", 1), 0.2);

        assertThat(words.reasons(a).get(0))
                .isEqualTo("Not selected: it gave its risk review item to ABC12345684 v1 of the same Center and week,"
                        + " which ranked above it: a trusted partner's summary competes for risk review items as if"
                        + " its score were lower, so that trusted partners are selected at the Center's reduced share"
                        + " (score 0.218 against 0.200).");
        assertThat(words.tradeReasons(a)).containsExactly(AssessmentWords.NOTHING_PLANNED);
    }

    @Test
    void aTrustedSelectionThatGaveWayToARiskierSummaryIsSaidToHaveGivenWayToARiskierOne() {
        RiskAssessment a = assessment(null, 0.218, true, grounds(SelectionGround.RISKIEST, 0.15, 20, 19))
                .displacedBy(new EntryKey("ABC12345684", 1), 0.4);

        assertThat(words.reasons(a).get(0))
                .isEqualTo("Not selected: it gave its risk review item to ABC12345684 v1, riskier and of the same"
                        + " Center and week (score 0.218 against 0.400).");
    }

    @Test
    void aTrustedSummaryThatFoundTheItemsTakenIsNotSaidToHaveMetOnlyRiskierOnes() {
        RiskAssessment a = assessment(null, 0.7, true, grounds(SelectionGround.ITEMS_TAKEN, 0.5, 20, 19));

        assertThat(words.reasons(a).get(0))
                .startsWith("Not selected: at or above the selection threshold, but the week's 19 risk review items"
                        + " were already taken by summaries that rank at least as high as a trusted partner's does at"
                        + " the Center's reduced share, or by ones reviewed already");
    }

    @Test
    void aScoreBelowOneIsNeverWrittenAsOne() {
        RiskAssessment a = assessment("RISK", 0.99993, grounds(SelectionGround.RISKIEST, 0.9996, 40, 38));

        assertThat(words.reasons(a).get(0))
                .isEqualTo("Selected for review, among the riskiest of the week (score 0.9999, threshold 0.9996,"
                        + " capacity 40 a week (38 for risk, 2 for the control sample)).");
        assertThat(AssessmentWords.score(0.5)).isEqualTo("0.500");
        assertThat(AssessmentWords.score(1.0)).isEqualTo("1.000");
    }

    @Test
    void aSummaryTurnedAwayOverCapacitySaysTheWeekHeldMoreThanTheCapacityInForceWhenItWasScoredAndThatItWillCompete() {
        RiskAssessment a = assessment(null, 0.99, grounds(SelectionGround.OVER_CAPACITY, 0.5, 5, 5));

        assertThat(words.reasons(a).get(0))
                .isEqualTo("Not selected: when it was scored, the week already held more selections than the capacity"
                        + " then in force gave it: made under an earlier setting that gave it more items, they keep them"
                        + " as review work given out, and while it holds more the week selects nothing more, for risk"
                        + " or for the control sample, in place of another or not; a summary so turned away that scored"
                        + " above zero competes for a risk item once the week holds no more than its items (score"
                        + " 0.990, threshold 0.500, capacity 5 a week (5 for risk and none for the control sample this"
                        + " week: its share of a capacity this small comes to less than one item a week, taken in some"
                        + " weeks only)).")
                .doesNotContain("now in force");
        assertThat(words.tradeReasons(a)).containsExactly(AssessmentWords.NOTHING_PLANNED);
    }

    @Test
    void aSummaryTurnedAwayOverCapacitySelectedInPlaceOfAnotherOnceTheExcessEndedSaysSoUnderTheCapacityInForce() {
        RiskAssessment a = assessment("RISK", 0.87, grounds(SelectionGround.RISKIEST_FREED_IN_PLACE, 0.15, 12, 10));

        assertThat(words.reasons(a).get(0))
                .isEqualTo("Selected for review, among the riskiest of the week: turned away while the week held more"
                        + " selections than a lowered capacity gave it, it competed once the week held no more than its"
                        + " items, as it would have on arrival, and took the item of a summary selected before it that"
                        + " ranked lower (score 0.870, threshold 0.150, capacity 12 a week (10 for risk, 2 for the"
                        + " control sample)).");
    }

    @Test
    void aWeekWithoutAControlItemIsNotSaidToGiveTheControlSampleNothingAsIfItsShareWereZero() {
        RiskAssessment a = assessment(null, 0.2, grounds(SelectionGround.BELOW_THRESHOLD, 0.5, 3, 3));

        assertThat(words.reasons(a).get(0))
                .doesNotContain("0 for the control sample")
                .contains("capacity 3 a week (3 for risk and none for the control sample this week: its share of a"
                        + " capacity this small comes to less than one item a week, taken in some weeks only)");
    }

    private static RiskAssessment selectedForRisk(List<Finding> findings) {
        // of no Center, so that the importer's words need no reference data
        return new RiskAssessment(
                "ABC12345676",
                1,
                null,
                "12-3456789AB",
                LocalDate.of(2026, 3, 2),
                false,
                0.9,
                null,
                null,
                "RISK",
                grounds(SelectionGround.RISKIEST, 0.5, 40, 38),
                findings,
                Instant.parse("2026-03-12T10:00:00Z"),
                null);
    }

    private static Finding rule(String code, String tradeReason, double strength) {
        return new Finding(Finding.Source.RULE, code, 1, null, "it fired", tradeReason, strength);
    }

    @Test
    void aFindingThatAddedNothingToTheScoreGivesTheImporterNoSubjectAndTheSpecialistReadsItAsWithoutWeight() {
        RiskAssessment a = selectedForRisk(List.of(
                rule("VALUE", "The declared value of line 1 is under review.", 0.9),
                rule("ALWAYS", "The origin of every line is under review.", 0)));

        assertThat(words.tradeReasons(a))
                .containsExactly(
                        "This entry summary has been selected for a post-release review by the Center that owns the"
                                + " account.",
                        "The declared value of line 1 is under review.");
        assertThat(words.reasons(a))
                .contains(
                        "Rule VALUE v1: it fired",
                        "Rule ALWAYS v1, without weight (strength 0: it adds nothing to the score): it fired");
    }

    @Test
    void aFindingOnALineNamesItsLineToTheSpecialistSoThatTwoLinesAlikeReadApart() {
        String scope = "7604.29.1010 from CN is within the scope of AD order A-570-967";
        RiskAssessment a = selectedForRisk(List.of(
                new Finding(Finding.Source.DETECTOR, "adcvd-scope", 1, 1, scope, "Line 1 is under review.", 0.95),
                new Finding(Finding.Source.DETECTOR, "adcvd-scope", 1, 2, scope, "Line 2 is under review.", 0.95),
                new Finding(Finding.Source.RULE, "ALWAYS", 3, 2, "it fired", "The origin is under review.", 0),
                new Finding(Finding.Source.MODEL, "model", 4, 1, "probability of a finding 0.91", "Line 1.", 0.91)));

        assertThat(words.reasons(a))
                .contains(
                        "Detector adcvd-scope on line 1: " + scope,
                        "Detector adcvd-scope on line 2: " + scope,
                        "Rule ALWAYS v3 on line 2, without weight (strength 0: it adds nothing to the score): it fired",
                        "Risk model v4 on line 1: probability of a finding 0.91");
    }

    @Test
    void aFindingOfTheWholeEntrySummaryNamesNoLine() {
        RiskAssessment a = selectedForRisk(List.of(rule("VALUE", "The declared value is under review.", 0.9)));

        assertThat(words.reasons(a)).contains("Rule VALUE v1: it fired");
    }

    @Test
    void aSelectionWhoseFindingsAllAddedNothingStillTellsTheImporterWhatTheReviewLooksAt() {
        RiskAssessment a = selectedForRisk(List.of(rule("ALWAYS", "The origin of every line is under review.", 0)));

        assertThat(words.tradeReasons(a))
                .containsExactly(
                        "This entry summary has been selected for a post-release review by the Center that owns the"
                                + " account.",
                        "The review will look at the entry summary as a whole.");
    }
}
