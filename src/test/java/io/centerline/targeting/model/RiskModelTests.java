package io.centerline.targeting.model;

import static io.centerline.targeting.model.Lines.FIRST_DAY;
import static io.centerline.targeting.model.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.targeting.Declaration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RiskModelTests {

    private static final Declaration UNDERVALUED = line(FIRST_DAY.plusDays(70), "I3", "8471300100", "VN", 210, 50);
    private static final Declaration ORDINARY = line(FIRST_DAY.plusDays(70), "I7", "8471300100", "CN", 1100, 50);

    private static RiskModel model;

    @BeforeAll
    static void train() {
        model = new ModelTrainer(Lines.small()).train(Lines.history(60, 20, 1), "USD");
    }

    @Test
    void theModelRanksThePlantedPatternAboveOrdinaryLines() {
        double[] scores = model.score(List.of(UNDERVALUED, ORDINARY));

        assertThat(scores[0]).isGreaterThan(0.5).isGreaterThan(scores[1]);
    }

    @Test
    void modelRoundTripsThroughBytesAndScoresIdentically() {
        List<Declaration> lines = Lines.history(5, 30, 77).stream()
                .map(LabelledDeclaration::declaration)
                .toList();

        RiskModel reloaded = RiskModel.fromBytes(model.toBytes());

        assertThat(reloaded.score(lines)).containsExactly(model.score(lines));
        assertThat(reloaded.card()).isEqualTo(model.card());
        assertThat(reloaded.explain(UNDERVALUED)).isEqualTo(model.explain(UNDERVALUED));
    }

    @Test
    void aBatchScoresEachLineAsItWouldAlone() {
        double[] batch = model.score(List.of(UNDERVALUED, ORDINARY));

        assertThat(model.score(List.of(ORDINARY))[0]).isEqualTo(batch[1]);
        assertThat(model.score(List.of())).isEmpty();
    }

    @Test
    void aBatchLongerThanTheLinesTakenTogetherScoresEachLineAsItWouldAlone() {
        List<Declaration> lines = Lines.history(20, 30, 5).stream()
                .map(LabelledDeclaration::declaration)
                .toList();
        assertThat(lines).hasSizeGreaterThan(2 * RiskModel.LINES_TOGETHER);

        double[] batch = model.score(lines);

        assertThat(batch).hasSize(lines.size());
        for (int i : new int[] {0, RiskModel.LINES_TOGETHER - 1, RiskModel.LINES_TOGETHER, lines.size() - 1}) {
            assertThat(model.score(List.of(lines.get(i)))[0]).as("line %d", i).isEqualTo(batch[i]);
        }
    }

    @Test
    void aLineExplainedWithTheScoreItWasGivenReadsAsOneExplainedFromScratch() {
        double[] batch = model.score(List.of(ORDINARY, UNDERVALUED));

        assertThat(model.explain(UNDERVALUED, batch[1])).isEqualTo(model.explain(UNDERVALUED));
    }

    @Test
    void theCardRecordsTheWindowFeaturesParametersAndTimeOrderedHoldOut() {
        ModelCard card = model.card();

        assertThat(card.trainedFrom()).isEqualTo(FIRST_DAY);
        assertThat(card.trainedTo()).isEqualTo(FIRST_DAY.plusDays(59));
        assertThat(card.rows()).isEqualTo(1200);
        assertThat(card.features()).isEqualTo(model.pipeline().featureNames());
        assertThat(card.parameters()).isEqualTo(Lines.small());
        assertThat(card.holdOut().from()).isAfter(card.holdOut().trainedTo());
        assertThat(card.holdOut().to()).isEqualTo(card.trainedTo());
        assertThat(card.holdOut().trainingRows() + card.holdOut().evaluation().rows())
                .isEqualTo(1200);
        assertThat(card.holdOut().evaluation().cuts()).hasSize(4);
        assertThat(ModelCard.fromJson(card.toJson())).isEqualTo(card);
    }

    @Test
    void theSpecialistReadsTheMainFeaturesInWordsWithTheirFigures() {
        Explanation explanation = model.explain(UNDERVALUED);

        assertThat(explanation.contributions()).isNotEmpty().allMatch(c -> c.weight() > 0);
        assertThat(explanation.reason())
                .startsWith("probability of a finding")
                .containsAnyOf("importer I3", "unit value 21.00 USD/PCS", "country of origin VN", "value per kg");
        assertThat(explanation.probability()).isEqualTo(model.score(List.of(UNDERVALUED))[0]);
    }

    @Test
    void theTradeReadsWhatIsReviewedButNotHowTheModelFoundIt() {
        Explanation explanation = model.explain(UNDERVALUED);

        assertThat(explanation.tradeReason())
                .startsWith("Line 1 is being reviewed for ")
                .doesNotContain("model", "probability", "finding", "%", "usual", "earlier");
    }
}
