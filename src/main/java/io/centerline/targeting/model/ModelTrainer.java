package io.centerline.targeting.model;

import io.centerline.targeting.Declaration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains risk models with XGBoost. A model's card is measured on a time-ordered hold-out: a first model is fitted on
 * the earlier lines and scores the latest {@link ModelParameters#holdOutShare()} of them (by entry date, whole days);
 * the model returned is then fitted on all lines with the same parameters.
 */
public final class ModelTrainer {

    /** What a long training reports as it goes. */
    public interface Listener {

        Listener NONE = new Listener() {};

        /** A new stage begins, for example "hold-out model" or "final model". */
        default void stage(String stage, int trees) {}

        default void treesGrown(int grown) {}
    }

    private final ModelParameters parameters;
    private final Listener listener;

    public ModelTrainer(ModelParameters parameters, Listener listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    public ModelTrainer(ModelParameters parameters) {
        this(parameters, Listener.NONE);
    }

    /**
     * Trains a model on reviewed lines, measuring it first on a time-ordered hold-out.
     *
     * @param currency the currency of the entered values, for explanations
     */
    public RiskModel train(List<LabelledDeclaration> rows, String currency) {
        long started = System.nanoTime();
        List<LabelledDeclaration> ordered = byDate(rows);
        requireBothOutcomes(ordered);
        ModelCard.HoldOut holdOut = holdOut(ordered, currency);
        listener.stage("final model", parameters.trees());
        FeaturePipeline.Fit fit = FeaturePipeline.fit(ordered, currency);
        Booster booster = grow(fit, parameters.trees());
        int positives =
                (int) ordered.stream().filter(LabelledDeclaration::finding).count();
        ModelCard card = new ModelCard(
                ordered.get(0).declaration().entryDate(),
                ordered.get(ordered.size() - 1).declaration().entryDate(),
                ordered.size(),
                positives,
                currency,
                fit.pipeline().featureNames(),
                parameters,
                holdOut,
                (System.nanoTime() - started) / 1e9);
        return new RiskModel(fit.pipeline(), booster, card);
    }

    /**
     * Grows one model on {@code training} and evaluates it on {@code validation} after every {@code step} trees, up to
     * the parameters' tree count, so that the tree count can be chosen on data the model has not seen.
     *
     * @return the evaluation after each step, by tree count
     */
    public Map<Integer, Evaluation> evaluateByTrees(
            List<LabelledDeclaration> training,
            List<LabelledDeclaration> validation,
            String currency,
            int step,
            double... percents) {
        List<LabelledDeclaration> ordered = byDate(training);
        requireBothOutcomes(ordered);
        listener.stage("model on the training file", parameters.trees());
        FeaturePipeline.Fit fit = FeaturePipeline.fit(ordered, currency);
        Booster booster = grow(fit, parameters.trees());
        List<Declaration> lines =
                validation.stream().map(LabelledDeclaration::declaration).toList();
        boolean[] findings = labels(validation);
        Map<Integer, Evaluation> byTrees = new java.util.TreeMap<>();
        DMatrix data = null;
        try {
            data = new DMatrix(
                    fit.pipeline().transform(lines),
                    lines.size(),
                    fit.pipeline().features().size(),
                    Float.NaN);
            for (int trees = step; trees <= parameters.trees(); trees += step) {
                float[][] margins = booster.predict(data, true, trees);
                double[] scores = new double[margins.length];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = RiskModel.probability(margins[i][0]);
                }
                byTrees.put(
                        trees,
                        Evaluation.of(
                                scores, findings, percents.length == 0 ? Evaluation.STANDARD_PERCENTS : percents));
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("Scoring the validation lines failed: " + e.getMessage(), e);
        } finally {
            if (data != null) {
                data.dispose();
            }
        }
        return byTrees;
    }

    private ModelCard.HoldOut holdOut(List<LabelledDeclaration> ordered, String currency) {
        if (parameters.holdOutShare() <= 0) {
            return null;
        }
        int cut = (int) Math.floor(ordered.size() * (1 - parameters.holdOutShare()));
        if (cut <= 0 || cut >= ordered.size()) {
            return null;
        }
        LocalDate firstHeldOut = ordered.get(cut).declaration().entryDate();
        int start = cut;
        while (start > 0 && ordered.get(start - 1).declaration().entryDate().equals(firstHeldOut)) {
            start--;
        }
        List<LabelledDeclaration> earlier = ordered.subList(0, start);
        List<LabelledDeclaration> later = ordered.subList(start, ordered.size());
        if (!hasBothOutcomes(earlier) || !hasBothOutcomes(later)) {
            return null;
        }
        listener.stage("hold-out model", parameters.trees());
        FeaturePipeline.Fit fit = FeaturePipeline.fit(earlier, currency);
        Booster booster = grow(fit, parameters.trees());
        RiskModel model = new RiskModel(fit.pipeline(), booster, null);
        double[] scores =
                model.score(later.stream().map(LabelledDeclaration::declaration).toList());
        Evaluation evaluation = Evaluation.of(scores, labels(later));
        booster.dispose();
        return new ModelCard.HoldOut(
                earlier.get(earlier.size() - 1).declaration().entryDate(),
                earlier.size(),
                firstHeldOut,
                later.get(later.size() - 1).declaration().entryDate(),
                evaluation);
    }

    private Booster grow(FeaturePipeline.Fit fit, int trees) {
        DMatrix data = null;
        try {
            data = new DMatrix(
                    fit.matrix(), fit.rows(), fit.pipeline().features().size(), Float.NaN);
            data.setLabel(fit.labels());
            Booster booster = XGBoost.train(data, parameters.booster(), 0, new HashMap<>(), null, null);
            for (int round = 0; round < trees; round++) {
                booster.update(data, round);
                listener.treesGrown(round + 1);
            }
            return booster;
        } catch (XGBoostError e) {
            throw new IllegalStateException("Training the risk model failed: " + e.getMessage(), e);
        } finally {
            if (data != null) {
                data.dispose();
            }
        }
    }

    static List<LabelledDeclaration> byDate(List<LabelledDeclaration> rows) {
        List<LabelledDeclaration> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(r -> r.declaration().entryDate()));
        return ordered;
    }

    static boolean[] labels(List<LabelledDeclaration> rows) {
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).finding();
        }
        return labels;
    }

    private static boolean hasBothOutcomes(List<LabelledDeclaration> rows) {
        boolean finding = false;
        boolean clean = false;
        for (LabelledDeclaration row : rows) {
            finding |= row.finding();
            clean |= !row.finding();
        }
        return finding && clean;
    }

    private static void requireBothOutcomes(List<LabelledDeclaration> rows) {
        if (!hasBothOutcomes(rows)) {
            throw new IllegalArgumentException(
                    "Training needs reviewed lines both with and without a finding; " + rows.size() + " lines given");
        }
    }
}
