package io.centerline.targeting.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well scores rank lines with a finding first, read as an inspection would: rank every line by score (highest
 * first, ties in the order given), inspect the top n percent, and count what was found. Precision at n% is the share
 * of inspected lines with a finding, recall at n% the share of all findings that were inspected. The area under the
 * ROC curve gives the ranking quality over all cut-offs.
 *
 * @param auc the area under the ROC curve, or {@code NaN} when there are no findings or no lines without one
 */
public record Evaluation(int rows, int positives, List<Cut> cuts, double auc) {

    /** The inspection shares reported on every model card: 1, 2, 5 and 10 percent. */
    public static final double[] STANDARD_PERCENTS = {1, 2, 5, 10};

    /** Inspecting the top {@code percent} of lines: how many, how many of them had a finding, and the two ratios. */
    public record Cut(double percent, int inspected, int found, double precision, double recall) {}

    public Evaluation {
        cuts = List.copyOf(cuts);
    }

    /** Evaluates scores against labels at the standard inspection shares. */
    public static Evaluation of(double[] scores, boolean[] findings) {
        return of(scores, findings, STANDARD_PERCENTS);
    }

    public static Evaluation of(double[] scores, boolean[] findings, double... percents) {
        if (scores.length != findings.length) {
            throw new IllegalArgumentException(
                    "There are " + scores.length + " scores for " + findings.length + " labelled lines");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("Nothing to evaluate: no scored lines");
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int positives = 0;
        for (boolean finding : findings) {
            positives += finding ? 1 : 0;
        }
        List<Cut> cuts = new ArrayList<>();
        for (double percent : percents) {
            int inspected = inspected(scores.length, percent);
            int found = 0;
            for (int i = 0; i < inspected; i++) {
                found += findings[order[i]] ? 1 : 0;
            }
            cuts.add(new Cut(
                    percent,
                    inspected,
                    found,
                    (double) found / inspected,
                    positives == 0 ? 0 : (double) found / positives));
        }
        return new Evaluation(scores.length, positives, cuts, auc(scores, findings, positives));
    }

    /** How many of {@code rows} lines the top {@code percent} holds: rounded to the nearest line, at least one. */
    public static int inspected(int rows, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("An inspection share lies in (0, 100], not " + percent);
        }
        return (int) Math.max(1, Math.min(rows, Math.round(rows * percent / 100)));
    }

    /** The cut at a share, which must be one of those evaluated. */
    public Cut at(double percent) {
        return cuts.stream()
                .filter(cut -> cut.percent() == percent)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not evaluated at " + percent + "%"));
    }

    public double precisionAt(double percent) {
        return at(percent).precision();
    }

    public double recallAt(double percent) {
        return at(percent).recall();
    }

    /** The Mann-Whitney form of the area under the ROC curve, tied scores counting half. */
    private static double auc(double[] scores, boolean[] findings, int positives) {
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (findings[order[k]]) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** One line per cut, for a terminal: {@code precision@5%  0.981  recall@5%  0.234  (399 found in 407 inspected)}. */
    public String toText() {
        return toText("lines");
    }

    /** As {@link #toText()}, counting the ranked items as {@code items} ("entries", "declarations"). */
    public String toText(String items) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                java.util.Locale.ROOT,
                "%d %s, %d with a finding (%.2f%%), AUC %.4f%n",
                rows,
                items,
                positives,
                100.0 * positives / rows,
                auc));
        for (Cut cut : cuts) {
            text.append(String.format(
                    java.util.Locale.ROOT,
                    "precision@%s%%  %.4f   recall@%s%%  %.4f   (%d found in %d inspected)%n",
                    trim(cut.percent()),
                    cut.precision(),
                    trim(cut.percent()),
                    cut.recall(),
                    cut.found(),
                    cut.inspected()));
        }
        return text.toString();
    }

    static String trim(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }
}
