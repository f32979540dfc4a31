package io.centerline.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.centerline.cli.GeneratedLines;
import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import ml.dmlc.xgboost4j.java.XGBoostJNI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trees walked in Java against XGBoost's own predictor, on a booster grown as the trainer grows it (default
 * parameters) from generated entry summaries: the very rows it learnt from, whose values sit on the split thresholds,
 * and the same rows with values knocked out, which take each split's learnt default way.
 */
class TreeEnsembleTests {

    /** XGBoost's prediction options (c_api.h): feature contributions, by the approximate method. */
    private static final int CONTRIBUTIONS = 4;

    private static final int APPROXIMATE = 8;

    private static FeaturePipeline.Fit fit;
    private static Booster booster;
    private static TreeEnsemble trees;
    private static float[] holed;

    @BeforeAll
    static void grow() throws XGBoostError {
        List<LabelledDeclaration> rows = new ArrayList<>();
        GeneratorSettings settings = GeneratorSettings.of(3_000, 5, LocalDate.of(2026, 6, 30));
        for (GeneratedEntry entry : new EntrySummaryGenerator(settings)) {
            GeneratedLines.of(entry.summary())
                    .forEach(line -> rows.add(new LabelledDeclaration(line, entry.isPlanted())));
        }
        fit = FeaturePipeline.fit(ModelTrainer.byDate(rows), "USD");
        DMatrix data = matrix(fit.matrix(), fit.rows());
        data.setLabel(fit.labels());
        ModelParameters parameters = ModelParameters.defaults();
        booster = XGBoost.train(data, parameters.booster(), parameters.trees(), new HashMap<>(), null, null);
        data.dispose();
        trees = TreeEnsemble.of(booster);
        holed = fit.matrix().clone();
        Random random = new Random(11);
        for (int i = 0; i < holed.length; i++) {
            if (random.nextInt(4) == 0) {
                holed[i] = Float.NaN;
            }
        }
    }

    @AfterAll
    static void dispose() {
        booster.dispose();
    }

    @Test
    void theTreesAreTheBoostersOwn() {
        assertThat(trees.trees()).isEqualTo(ModelParameters.defaults().trees());
        assertThat(trees.features()).isEqualTo(fit.pipeline().features().size());
    }

    @Test
    void marginsAreTheNativePredictorsToTheBitOnTheRowsTheTreesSplit() throws XGBoostError {
        assertThat(trees.margins(fit.matrix(), fit.rows())).containsExactly(nativeMargins(fit.matrix()));
    }

    @Test
    void aMissingValueTakesTheWayItsSplitLearntAsTheNativePredictorDoes() throws XGBoostError {
        assertThat(trees.margins(holed, fit.rows())).containsExactly(nativeMargins(holed));
    }

    @Test
    void contributionsAreXgboostsApproximateOnesAndAddUpToTheMargin() throws Exception {
        int width = trees.features();
        float[] margins = trees.margins(holed, fit.rows());
        float[][] expected = nativeApproximateContributions(holed);
        for (int r = 0; r < fit.rows(); r += 7) {
            float[] contributions = trees.contributions(Arrays.copyOfRange(holed, r * width, (r + 1) * width));

            for (int j = 0; j <= width; j++) {
                assertThat(contributions[j]).as("row %d, feature %d", r, j).isCloseTo(expected[r][j], within(1e-4f));
            }
            double sum = 0;
            for (float contribution : contributions) {
                sum += contribution;
            }
            assertThat(sum).as("row %d", r).isCloseTo(margins[r], within(1e-3));
        }
    }

    @Test
    void treesDeeperThanScoringLaysOutAreRefusedBeforeTheyAreGrown() {
        ModelParameters d = ModelParameters.defaults();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ModelParameters(
                        d.trees(),
                        TreeEnsemble.MAX_DEPTH + 1,
                        d.learningRate(),
                        d.subsample(),
                        d.columnSample(),
                        d.minChildWeight(),
                        d.threads(),
                        d.seed(),
                        d.holdOutShare()))
                .withMessage("Trees grow at most 12 deep here (scoring lays each out complete to its depth), not 13");
    }

    @Test
    void aMatrixOfTheWrongWidthIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> trees.margins(new float[trees.features() + 1], 1))
                .withMessage(
                        "1 row of %d features holds %d values, not %d",
                        trees.features(), trees.features(), trees.features() + 1);
    }

    private static DMatrix matrix(float[] values, int rows) throws XGBoostError {
        return new DMatrix(values, rows, values.length / rows, Float.NaN);
    }

    private static float[] nativeMargins(float[] values) throws XGBoostError {
        DMatrix data = matrix(values, fit.rows());
        try {
            float[][] predicted = booster.predict(data, true);
            float[] margins = new float[predicted.length];
            for (int r = 0; r < margins.length; r++) {
                margins[r] = predicted[r][0];
            }
            return margins;
        } finally {
            data.dispose();
        }
    }

    /** XGBoost's approximate contributions, which its Java API does not offer, through its native call. */
    private static float[][] nativeApproximateContributions(float[] values) throws Exception {
        DMatrix data = matrix(values, fit.rows());
        try {
            float[][] out = new float[1][];
            XGBoostJNI.XGBoosterPredict(handle(booster), data.getHandle(), CONTRIBUTIONS | APPROXIMATE, 0, out);
            int width = trees.features() + 1;
            float[][] rows = new float[fit.rows()][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = Arrays.copyOfRange(out[0], r * width, (r + 1) * width);
            }
            return rows;
        } finally {
            data.dispose();
        }
    }

    private static long handle(Booster booster) throws ReflectiveOperationException {
        Field handle = Booster.class.getDeclaredField("handle");
        handle.setAccessible(true);
        return (long) handle.get(booster);
    }
}
