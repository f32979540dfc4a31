package io.centerline.targeting.model;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trained booster's trees, walked in Java to score lines and to say which features moved a line's score.
 *
 * <p>XGBoost stays the trainer; scoring walks these arrays instead of calling the native library, which for every call
 * builds a matrix and re-reads the machine's CPU quota to size its threads. The walk is the booster's own: a numeric
 * split sends a value below its threshold to the left and a missing value (NaN) the way the split learnt; a margin
 * starts from the booster's base margin and adds each tree's leaf in single precision, tree after tree, as XGBoost's
 * CPU predictor does, so both give the same margins to the bit ({@code TreeEnsembleTests}).
 *
 * <p>What moved a line's score is the path attribution XGBoost offers as its approximate contributions (Saabas): each
 * split on the line's path credits its feature with the change in the expected value of the tree below it, the
 * expected value of a node being the mean of its leaves weighted by the training rows' hessian. The contributions and
 * the bias add up to the margin. XGBoost's exact Shapley values took about a millisecond a line for these trees; the
 * path attribution costs one more walk (decision record 0016).
 */
final class TreeEnsemble {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final int LEAF = -1;

    private final int features;
    private final float baseMargin;
    /** Where each tree's nodes begin in the arrays below; its root is its first node. */
    private final int[] roots;
    /** A node's left child (as an index into the arrays), or {@value #LEAF} for a leaf. */
    private final int[] left;

    private final int[] right;
    private final int[] feature;
    private final boolean[] defaultLeft;
    /** A split's threshold, or a leaf's value. */
    private final float[] threshold;
    /** The expected value of the tree below each node, for contributions. */
    private final float[] mean;

    private TreeEnsemble(
            int features,
            float baseMargin,
            int[] roots,
            int[] left,
            int[] right,
            int[] feature,
            boolean[] defaultLeft,
            float[] threshold,
            float[] mean) {
        this.features = features;
        this.baseMargin = baseMargin;
        this.roots = roots;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.defaultLeft = defaultLeft;
        this.threshold = threshold;
        this.mean = mean;
    }

    /** The trees of a binary logistic booster with numeric splits, as the risk model trainer grows them. */
    static TreeEnsemble of(Booster booster) {
        try {
            return of(JSON.readTree(booster.toByteArray("json")));
        } catch (XGBoostError e) {
            throw new IllegalStateException("The risk model's trees could not be read: " + e.getMessage(), e);
        }
    }

    private static TreeEnsemble of(JsonNode model) {
        JsonNode learner = model.required("learner");
        String objective = learner.required("objective").required("name").asString();
        if (!objective.equals("binary:logistic")) {
            throw new IllegalArgumentException("Only binary logistic models are scored here, not " + objective);
        }
        JsonNode parameters = learner.required("learner_model_param");
        int features = Integer.parseInt(parameters.required("num_feature").asString());
        float baseScore = Float.parseFloat(
                parameters.required("base_score").asString().replace("[", "").replace("]", ""));
        JsonNode trees = learner.required("gradient_booster").required("model").required("trees");
        int nodes = 0;
        for (JsonNode tree : trees) {
            nodes += tree.required("left_children").size();
        }
        int[] roots = new int[trees.size()];
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] feature = new int[nodes];
        boolean[] defaultLeft = new boolean[nodes];
        float[] threshold = new float[nodes];
        float[] hessian = new float[nodes];
        int at = 0;
        for (int t = 0; t < trees.size(); t++) {
            JsonNode tree = trees.get(t);
            roots[t] = at;
            JsonNode splitTypes = tree.required("split_type");
            for (int n = 0; n < tree.required("left_children").size(); n++) {
                if (splitTypes.get(n).asInt() != 0) {
                    throw new IllegalArgumentException(
                            "Tree " + t + " has a categorical split; only numeric ones are scored here");
                }
                int leftChild = tree.required("left_children").get(n).asInt();
                left[at + n] = leftChild == -1 ? LEAF : at + leftChild;
                right[at + n] = leftChild == -1
                        ? LEAF
                        : at + tree.required("right_children").get(n).asInt();
                feature[at + n] = tree.required("split_indices").get(n).asInt();
                if (leftChild != -1 && (feature[at + n] < 0 || feature[at + n] >= features)) {
                    throw new IllegalArgumentException(
                            "Tree " + t + " splits on feature " + feature[at + n] + " of " + features);
                }
                JsonNode defaults = tree.required("default_left").get(n);
                defaultLeft[at + n] = defaults.isBoolean() ? defaults.asBoolean() : defaults.asInt() != 0;
                threshold[at + n] = single(tree.required("split_conditions").get(n));
                hessian[at + n] = single(tree.required("sum_hessian").get(n));
            }
            at += tree.required("left_children").size();
        }
        float[] mean = new float[nodes];
        for (int root : roots) {
            fillMean(root, left, right, threshold, hessian, mean);
        }
        return new TreeEnsemble(features, margin(baseScore), roots, left, right, feature, defaultLeft, threshold, mean);
    }

    /** A number as XGBoost wrote it, read back to the very float it was: the shortest decimal that round-trips. */
    private static float single(JsonNode number) {
        return Float.parseFloat(number.asString());
    }

    /** The base score as a margin, computed in single precision as XGBoost's logistic objective does. */
    private static float margin(float baseScore) {
        return (float) -Math.log(1.0f / baseScore - 1.0f);
    }

    /** The expected value of the tree below a node, as XGBoost's approximate contributions compute it. */
    private static float fillMean(int node, int[] left, int[] right, float[] value, float[] hessian, float[] mean) {
        float result;
        if (left[node] == LEAF) {
            result = value[node];
        } else {
            result = fillMean(left[node], left, right, value, hessian, mean) * hessian[left[node]];
            result += fillMean(right[node], left, right, value, hessian, mean) * hessian[right[node]];
            result /= hessian[node];
        }
        mean[node] = result;
        return result;
    }

    int features() {
        return features;
    }

    int trees() {
        return roots.length;
    }

    /** The margin (log-odds) of each row of a row-major matrix of {@link #features()} columns. */
    float[] margins(float[] matrix, int rows) {
        if (matrix.length != rows * features) {
            throw new IllegalArgumentException(String.format(
                    "%d %s of %d features holds %d values, not %d",
                    rows, rows == 1 ? "row" : "rows", features, rows * features, matrix.length));
        }
        float[] margins = new float[rows];
        for (int r = 0; r < rows; r++) {
            int offset = r * features;
            float sum = baseMargin;
            for (int root : roots) {
                sum += threshold[leaf(root, matrix, offset)];
            }
            margins[r] = sum;
        }
        return margins;
    }

    /**
     * How much each feature moved one row's margin, with the bias (the base margin and the trees' expected values) in
     * the last place: {@link #features()} + 1 values that add up to the row's margin.
     */
    float[] contributions(float[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException("A row has " + features + " features, not " + row.length);
        }
        float[] contributions = new float[features + 1];
        contributions[features] += baseMargin;
        for (int root : roots) {
            float value = mean[root];
            contributions[features] += value;
            int node = root;
            int split = -1;
            while (left[node] != LEAF) {
                split = feature[node];
                node = next(node, row, 0);
                float below = mean[node];
                contributions[split] += below - value;
                value = below;
            }
            if (split >= 0) {
                contributions[split] += threshold[node] - value;
            }
        }
        return contributions;
    }

    private int leaf(int root, float[] matrix, int offset) {
        int node = root;
        while (left[node] != LEAF) {
            node = next(node, matrix, offset);
        }
        return node;
    }

    private int next(int node, float[] matrix, int offset) {
        float value = matrix[offset + feature[node]];
        if (Float.isNaN(value)) {
            return defaultLeft[node] ? left[node] : right[node];
        }
        return value < threshold[node] ? left[node] : right[node];
    }

    @Override
    public String toString() {
        return roots.length + " trees of " + left.length + " nodes in all, over " + features + " features";
    }
}
