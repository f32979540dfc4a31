package io.centerline.targeting.model;

import java.util.Arrays;
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
 * <p>Every tree is laid out complete to the depth of the deepest: a node's children are found by their place (2i + 1
 * and 2i + 2), and a leaf above the bottom stands in every place below it, behind splits that lead to it either way.
 * A walk is then a fixed number of steps, each a load, a comparison and a little arithmetic, with no branch to
 * mispredict; four trees are walked side by side, since each step waits on the one before it and four independent
 * walks keep the processor busy while they wait (about 5 µs a line for 300 trees of depth 6, against 9 µs for one
 * tree at a time over the trees as XGBoost links them).
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
    /** The deepest tree laid out: a complete tree of this depth has 4,095 splits. */
    static final int MAX_DEPTH = 12;
    /** How many trees one walk takes side by side. */
    private static final int SIDE_BY_SIDE = 4;
    /**
     * How many rows go through the same trees before the next trees are taken: a block of rows and four trees fit in
     * the first-level cache together, where walking every tree for one row at a time read the trees from the second.
     */
    private static final int ROWS_TOGETHER = 64;

    private final int features;
    private final float baseMargin;
    private final int trees;
    private final int depth;
    /** Splits per tree: 2^depth - 1. */
    private final int splits;
    /** Tree t's split i (0 the root) at t * splits + i: the feature it reads, its threshold, where a missing value goes. */
    private final int[] feature;

    private final float[] threshold;
    private final boolean[] defaultLeft;
    /** The expected value of the tree below each split, at the same places. */
    private final float[] mean;
    /** Tree t's leaves, 2^depth of them, left to right, from t * 2^depth. */
    private final float[] leaf;

    private TreeEnsemble(
            int features,
            float baseMargin,
            int trees,
            int depth,
            int[] feature,
            float[] threshold,
            boolean[] defaultLeft,
            float[] mean,
            float[] leaf) {
        this.features = features;
        this.baseMargin = baseMargin;
        this.trees = trees;
        this.depth = depth;
        this.splits = (1 << depth) - 1;
        this.feature = feature;
        this.threshold = threshold;
        this.defaultLeft = defaultLeft;
        this.mean = mean;
        this.leaf = leaf;
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
        int depth = 0;
        for (int t = 0; t < roots.length; t++) {
            fillMean(roots[t], left, right, threshold, hessian, mean);
            int treeDepth = depthOf(roots[t], left, right);
            if (treeDepth > MAX_DEPTH) {
                throw new IllegalArgumentException(
                        "Tree " + t + " is " + treeDepth + " deep; trees are scored here to a depth of " + MAX_DEPTH);
            }
            depth = Math.max(depth, treeDepth);
        }
        Linked linked = new Linked(left, right, feature, defaultLeft, threshold, mean);
        Complete complete = new Complete(roots.length, depth);
        for (int t = 0; t < roots.length; t++) {
            complete.lay(linked, roots[t], t, 0, 0);
        }
        return new TreeEnsemble(
                features,
                margin(baseScore),
                roots.length,
                depth,
                complete.feature,
                complete.threshold,
                complete.defaultLeft,
                complete.mean,
                complete.leaf);
    }

    /** The trees as XGBoost links them, each node naming its children. */
    private record Linked(
            int[] left, int[] right, int[] feature, boolean[] defaultLeft, float[] threshold, float[] mean) {}

    /** The trees being laid out complete. */
    private static final class Complete {
        final int depth;
        final int splits;
        final int[] feature;
        final float[] threshold;
        final boolean[] defaultLeft;
        final float[] mean;
        final float[] leaf;

        Complete(int trees, int depth) {
            this.depth = depth;
            this.splits = (1 << depth) - 1;
            feature = new int[trees * splits];
            threshold = new float[trees * splits];
            defaultLeft = new boolean[trees * splits];
            mean = new float[trees * splits];
            leaf = new float[trees << depth];
        }

        /** Lays out the linked node {@code node} at place {@code place} (of level {@code level}) of tree {@code tree}. */
        void lay(Linked linked, int node, int tree, int place, int level) {
            if (level == depth) {
                leaf[(tree << depth) + place - splits] = linked.threshold()[node];
                return;
            }
            int at = tree * splits + place;
            mean[at] = linked.mean()[node];
            if (linked.left()[node] == LEAF) {
                // a leaf above the bottom: a split that leads to it whichever way a value goes
                lay(linked, node, tree, 2 * place + 1, level + 1);
                lay(linked, node, tree, 2 * place + 2, level + 1);
            } else {
                feature[at] = linked.feature()[node];
                threshold[at] = linked.threshold()[node];
                defaultLeft[at] = linked.defaultLeft()[node];
                lay(linked, linked.left()[node], tree, 2 * place + 1, level + 1);
                lay(linked, linked.right()[node], tree, 2 * place + 2, level + 1);
            }
        }
    }

    private static int depthOf(int node, int[] left, int[] right) {
        return left[node] == LEAF
                ? 0
                : 1 + Math.max(depthOf(left[node], left, right), depthOf(right[node], left, right));
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
        return trees;
    }

    /** The margin (log-odds) of each row of a row-major matrix of {@link #features()} columns. */
    float[] margins(float[] matrix, int rows) {
        if (matrix.length != rows * features) {
            throw new IllegalArgumentException(String.format(
                    "%d %s of %d features holds %d values, not %d",
                    rows, rows == 1 ? "row" : "rows", features, rows * features, matrix.length));
        }
        float[] margins = new float[rows];
        Arrays.fill(margins, baseMargin);
        int sideBySide = trees / SIDE_BY_SIDE * SIDE_BY_SIDE;
        for (int start = 0; start < rows; start += ROWS_TOGETHER) {
            int end = Math.min(rows, start + ROWS_TOGETHER);
            for (int t = 0; t < sideBySide; t += SIDE_BY_SIDE) {
                int first = t * splits;
                int second = first + splits;
                int third = second + splits;
                int fourth = third + splits;
                for (int r = start; r < end; r++) {
                    int offset = r * features;
                    int a = 0;
                    int b = 0;
                    int c = 0;
                    int d = 0;
                    for (int level = 0; level < depth; level++) {
                        a = next(first, a, matrix, offset);
                        b = next(second, b, matrix, offset);
                        c = next(third, c, matrix, offset);
                        d = next(fourth, d, matrix, offset);
                    }
                    // added in tree order, as XGBoost adds them
                    float sum = margins[r];
                    sum += leaf[(t << depth) + a - splits];
                    sum += leaf[((t + 1) << depth) + b - splits];
                    sum += leaf[((t + 2) << depth) + c - splits];
                    sum += leaf[((t + 3) << depth) + d - splits];
                    margins[r] = sum;
                }
            }
            for (int t = sideBySide; t < trees; t++) {
                for (int r = start; r < end; r++) {
                    int place = 0;
                    for (int level = 0; level < depth; level++) {
                        place = next(t * splits, place, matrix, r * features);
                    }
                    margins[r] += leaf[(t << depth) + place - splits];
                }
            }
        }
        return margins;
    }

    /**
     * How much each feature moved one row's margin, with the bias (the base margin and the trees' expected values) in
     * the last place: {@link #features()} + 1 values that add up to the row's margin. A split that stands in for a leaf
     * above the bottom changes no expected value and credits nothing.
     */
    float[] contributions(float[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException("A row has " + features + " features, not " + row.length);
        }
        float[] contributions = new float[features + 1];
        contributions[features] += baseMargin;
        for (int t = 0; t < trees; t++) {
            int first = t * splits;
            float value = mean[first];
            contributions[features] += value;
            int place = 0;
            for (int level = 0; level < depth; level++) {
                int split = feature[first + place];
                place = next(first, place, row, 0);
                float below = place < splits ? mean[first + place] : leaf[(t << depth) + place - splits];
                contributions[split] += below - value;
                value = below;
            }
        }
        return contributions;
    }

    /**
     * The place a row goes to from a split: left when its value lies below the threshold, or when it is missing and the
     * split learnt to send missing values left. Written without a branch: the way is computed, not jumped to.
     */
    private int next(int first, int place, float[] matrix, int offset) {
        int at = first + place;
        float value = matrix[offset + feature[at]];
        boolean left = (value < threshold[at]) | ((value != value) & defaultLeft[at]);
        return 2 * place + (left ? 1 : 2);
    }

    @Override
    public String toString() {
        return trees + " trees laid out complete to a depth of " + depth + ", over " + features + " features";
    }
}
