package io.centerline.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class EvaluationTests {

    /** Twenty lines scored 20, 19, ..., 1 (given shuffled); five findings, at ranks 1, 2, 4, 9 and 15. */
    private static final double[] SCORES = {4, 20, 17, 19, 12, 6, 1, 18, 16, 15, 14, 13, 11, 10, 9, 8, 7, 5, 3, 2};

    private static final boolean[] FINDINGS = new boolean[20];

    static {
        for (double rank : new double[] {1, 2, 4, 9, 15}) {
            for (int i = 0; i < SCORES.length; i++) {
                if (SCORES[i] == 21 - rank) {
                    FINDINGS[i] = true;
                }
            }
        }
    }

    @Test
    void precisionAtNIsTheShareOfFindingsAmongTheTopNPercentByScore() {
        Evaluation evaluation = Evaluation.of(SCORES, FINDINGS, 5, 10, 20, 50);

        assertThat(evaluation.rows()).isEqualTo(20);
        assertThat(evaluation.positives()).isEqualTo(5);
        assertThat(evaluation.at(5).inspected()).isEqualTo(1);
        assertThat(evaluation.precisionAt(5)).isEqualTo(1.0);
        assertThat(evaluation.precisionAt(10)).isEqualTo(1.0);
        assertThat(evaluation.precisionAt(20)).isEqualTo(0.75);
        assertThat(evaluation.precisionAt(50)).isEqualTo(0.4);
    }

    @Test
    void recallAtNIsTheShareOfAllFindingsWithinTheTopNPercent() {
        Evaluation evaluation = Evaluation.of(SCORES, FINDINGS, 5, 10, 20, 50);

        assertThat(evaluation.recallAt(5)).isEqualTo(0.2);
        assertThat(evaluation.recallAt(10)).isEqualTo(0.4);
        assertThat(evaluation.recallAt(20)).isEqualTo(0.6);
        assertThat(evaluation.recallAt(50)).isEqualTo(0.8);
    }

    @Test
    void aucIsTheChanceThatAFindingOutranksALineWithout() {
        // pairs (finding, clean) ordered right: rank 1, 2 beat all 15; rank 4 beats 14; rank 9 beats 10; rank 15 beats
        // 5
        Evaluation evaluation = Evaluation.of(SCORES, FINDINGS);

        assertThat(evaluation.auc()).isCloseTo((15 + 15 + 14 + 10 + 5) / 75.0, offset(1e-12));
    }

    @Test
    void tiedScoresCountHalfInTheAuc() {
        Evaluation evaluation = Evaluation.of(new double[] {1, 1}, new boolean[] {true, false});

        assertThat(evaluation.auc()).isEqualTo(0.5);
    }

    @Test
    void theTopNPercentIsRoundedToTheNearestLineAndNeverEmpty() {
        assertThat(Evaluation.inspected(8134, 5)).isEqualTo(407);
        assertThat(Evaluation.inspected(8134, 10)).isEqualTo(813);
        assertThat(Evaluation.inspected(10, 1)).isEqualTo(1);
        assertThatThrownBy(() -> Evaluation.inspected(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
