package io.centerline.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTests {

    @Test
    void findingsJoinTheModelAsIndependentEvidence() {
        double score = Scoring.combined(0.2, List.of(finding(Finding.Source.RULE, 0.5)));

        assertThat(score).isCloseTo(1 - 0.8 * 0.5, within(1e-12));
    }

    @Test
    void withoutModelOrFindingsTheScoreIsZero() {
        assertThat(Scoring.combined(null, List.of())).isZero();
    }

    @Test
    void theModelsOwnFindingIsNotCountedTwice() {
        double score = Scoring.combined(0.7, List.of(finding(Finding.Source.MODEL, 0.7)));

        assertThat(score).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void aCertainFindingMakesTheScoreOne() {
        assertThat(Scoring.combined(0.01, List.of(finding(Finding.Source.DETECTOR, 1.0))))
                .isEqualTo(1.0);
    }

    @Test
    void aFindingWithoutTradeWordsIsRefused() {
        assertThatThrownBy(() -> new Finding(Finding.Source.RULE, "R", 1, null, "why", " ", 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trade reason");
    }

    private static Finding finding(Finding.Source source, double strength) {
        return new Finding(source, "X", 1, 1, "reason", "trade reason", strength);
    }
}
