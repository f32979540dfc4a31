package io.centerline.targeting.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the trees are grown. The defaults were chosen on the validation split of the public declarations data and
 * checked on a time split inside its training year (docs/decisions/0006-risk-model.md).
 *
 * @param trees the number of boosting rounds
 * @param maxDepth the deepest a tree may grow, at most {@value TreeEnsemble#MAX_DEPTH}
 * @param learningRate the shrinkage of each tree's contribution ({@code eta})
 * @param subsample the share of rows each tree sees
 * @param columnSample the share of features each tree sees
 * @param minChildWeight the least hessian weight a leaf must hold
 * @param threads how many threads XGBoost uses
 * @param seed the random seed, so that the same data and parameters give the same model
 * @param holdOutShare the latest share of the training lines (by entry date) kept apart to measure the model for its
 *     card; 0 for no hold-out
 */
public record ModelParameters(
        int trees,
        int maxDepth,
        double learningRate,
        double subsample,
        double columnSample,
        double minChildWeight,
        int threads,
        long seed,
        double holdOutShare) {

    public ModelParameters {
        if (trees < 1 || maxDepth < 1 || threads < 1) {
            throw new IllegalArgumentException("Trees, depth and threads must be positive");
        }
        if (maxDepth > TreeEnsemble.MAX_DEPTH) {
            throw new IllegalArgumentException("Trees grow at most " + TreeEnsemble.MAX_DEPTH
                    + " deep here (scoring lays each out complete to its depth), not " + maxDepth);
        }
        if (!(learningRate > 0 && learningRate <= 1)
                || !(subsample > 0 && subsample <= 1)
                || !(columnSample > 0 && columnSample <= 1)) {
            throw new IllegalArgumentException("Learning rate, subsample and column sample lie in (0, 1]");
        }
        if (minChildWeight < 0) {
            throw new IllegalArgumentException("The minimum child weight cannot be negative");
        }
        if (!(holdOutShare >= 0 && holdOutShare < 1)) {
            throw new IllegalArgumentException("The hold-out share lies in [0, 1), not " + holdOutShare);
        }
    }

    /** The tuned setting: 300 trees of depth 6, learning rate 0.05, on 2 threads, a 15% hold-out. */
    public static ModelParameters defaults() {
        return new ModelParameters(300, 6, 0.05, 0.9, 0.8, 1, 2, 1, 0.15);
    }

    public ModelParameters withTrees(int count) {
        return new ModelParameters(
                count, maxDepth, learningRate, subsample, columnSample, minChildWeight, threads, seed, holdOutShare);
    }

    public ModelParameters withHoldOutShare(double share) {
        return new ModelParameters(
                trees, maxDepth, learningRate, subsample, columnSample, minChildWeight, threads, seed, share);
    }

    /** The booster parameters XGBoost reads. */
    Map<String, Object> booster() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "auc");
        params.put("tree_method", "hist");
        params.put("max_depth", maxDepth);
        params.put("eta", learningRate);
        params.put("subsample", subsample);
        params.put("colsample_bytree", columnSample);
        params.put("min_child_weight", minChildWeight);
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("verbosity", 0);
        return params;
    }
}
