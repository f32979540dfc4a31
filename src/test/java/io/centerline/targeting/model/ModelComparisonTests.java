package io.centerline.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelComparisonTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Test
    void bothVersionsAreMeasuredOnTheLinesReviewedSinceBothTrainingsWhenThereAreEnough() {
        boolean[] findings = alternating(40);
        double[] perfect = new double[40];
        double[] inverted = new double[40];
        for (int i = 0; i < 40; i++) {
            perfect[i] = findings[i] ? 0.9 : 0.1;
            inverted[i] = findings[i] ? 0.1 : 0.9;
        }

        ModelComparison comparison = ModelComparison.of(
                version(1, "2026-01-01", "2026-01-31"),
                version(2, "2026-01-01", "2026-01-31"),
                new ModelComparison.CommonLines(LocalDate.of(2026, 6, 1), TODAY, inverted, perfect, findings),
                20);

        assertThat(comparison.sameHoldOut()).isTrue();
        assertThat(comparison.common().rows()).isEqualTo(40);
        assertThat(comparison.common().positives()).isEqualTo(20);
        ModelComparison.Metric precision = comparison.common().metrics().stream()
                .filter(m -> m.name().equals("precision@10%"))
                .findFirst()
                .orElseThrow();
        assertThat(precision.a()).isEqualTo(0.0);
        assertThat(precision.b()).isEqualTo(1.0);
        assertThat(precision.change()).isEqualTo(1.0);
        assertThat(comparison.note())
                .isEqualTo("Both versions scored the 40 reviewed lines entered from 2026-06-01 to 2026-06-30, after"
                        + " both training windows: compare them there.");
    }

    @Test
    void holdOutsOfDifferentWindowsAreSaidNotToBeComparableAndTooFewCommonLinesAreNotMeasured() {
        ModelComparison comparison = ModelComparison.of(
                version(1, "2026-01-01", "2026-01-31"),
                version(2, "2026-03-01", "2026-04-30"),
                new ModelComparison.CommonLines(
                        LocalDate.of(2026, 6, 1), TODAY, new double[] {0.5}, new double[] {0.4}, new boolean[] {true}),
                20);

        assertThat(comparison.sameHoldOut()).isFalse();
        assertThat(comparison.common()).isNull();
        assertThat(comparison.metrics())
                .extracting(ModelComparison.Metric::name)
                .contains("precision@5%", "auc", "rows");
        assertThat(comparison.note())
                .isEqualTo("Too few reviewed lines entered after both training windows (from 2026-06-01) to measure"
                        + " both versions on the same lines: 1, 1 with a finding; at least 20 are needed, with and"
                        + " without findings. The hold-out metrics were measured on different lines (version 1:"
                        + " 2026-01-01 to 2026-01-31 and version 2: 2026-03-01 to 2026-04-30) and are not directly"
                        + " comparable.");
    }

    private static ModelVersion version(int version, String holdOutFrom, String holdOutTo) {
        boolean[] findings = alternating(10);
        double[] scores = new double[10];
        for (int i = 0; i < 10; i++) {
            scores[i] = i / 10.0;
        }
        ModelCard card = new ModelCard(
                LocalDate.of(2025, 6, 1),
                LocalDate.parse(holdOutTo),
                100,
                20,
                "USD",
                List.of("code:hts"),
                ModelParameters.defaults(),
                new ModelCard.HoldOut(
                        LocalDate.parse(holdOutFrom).minusDays(1),
                        80,
                        LocalDate.parse(holdOutFrom),
                        LocalDate.parse(holdOutTo),
                        Evaluation.of(scores, findings)),
                1.0);
        return new ModelVersion(version, Instant.EPOCH, "targeter", ModelStatus.TRAINED, null, null, card);
    }

    private static boolean[] alternating(int size) {
        boolean[] findings = new boolean[size];
        for (int i = 0; i < size; i++) {
            findings[i] = i % 2 == 0;
        }
        return findings;
    }
}
