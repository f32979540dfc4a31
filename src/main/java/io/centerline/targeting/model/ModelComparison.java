package io.centerline.targeting.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two model versions side by side: both cards, the hold-out metrics of each with the change from the first to the
 * second, and the features one has and the other lacks. Each hold-out is the latest part of its own training window,
 * so two versions trained at different times were measured on different lines: {@code sameHoldOut} says whether the
 * windows are the same, and {@code common} measures both on the same lines, the reviewed lines entered after both
 * training windows, which neither has seen (null until there are enough of them, {@code note} saying why).
 */
public record ModelComparison(
        ModelVersion a,
        ModelVersion b,
        List<Metric> metrics,
        boolean sameHoldOut,
        Common common,
        String note,
        List<String> featuresOnlyInA,
        List<String> featuresOnlyInB) {

    /** One metric of both versions; {@code null} where a version has no hold-out. */
    public record Metric(String name, Double a, Double b, Double change) {}

    /** Both versions measured on the reviewed lines entered from {@code from} to {@code to}. */
    public record Common(LocalDate from, LocalDate to, int rows, int positives, List<Metric> metrics) {}

    /** Lines reviewed since both trainings, as both versions scored them, with their findings. */
    public record CommonLines(LocalDate from, LocalDate to, double[] scoresA, double[] scoresB, boolean[] findings) {

        int positives() {
            int positives = 0;
            for (boolean finding : findings) {
                positives += finding ? 1 : 0;
            }
            return positives;
        }
    }

    /**
     * The comparison of two versions, with their measurement on common lines when {@code common} holds at least
     * {@code minimum} lines with and without a finding.
     */
    public static ModelComparison of(ModelVersion a, ModelVersion b, CommonLines common, int minimum) {
        Evaluation ea = evaluation(a);
        Evaluation eb = evaluation(b);
        List<Metric> metrics = metrics(ea, eb);
        metrics.add(metric("rows", (double) a.card().rows(), (double) b.card().rows()));
        metrics.add(metric(
                "positives", (double) a.card().positives(), (double) b.card().positives()));
        boolean sameHoldOut = a.card().holdOut() != null
                && b.card().holdOut() != null
                && a.card().holdOut().from().equals(b.card().holdOut().from())
                && a.card().holdOut().to().equals(b.card().holdOut().to());
        Common measured = null;
        String note;
        int positives = common.positives();
        if (common.findings().length >= minimum && positives > 0 && positives < common.findings().length) {
            measured = new Common(
                    common.from(),
                    common.to(),
                    common.findings().length,
                    positives,
                    metrics(
                            Evaluation.of(common.scoresA(), common.findings()),
                            Evaluation.of(common.scoresB(), common.findings())));
            note = "Both versions scored the " + common.findings().length + " reviewed lines entered from "
                    + common.from() + " to " + common.to() + ", after both training windows: compare them there.";
        } else {
            note = "Too few reviewed lines entered after both training windows (from " + common.from() + ") to"
                    + " measure both versions on the same lines: " + common.findings().length + ", " + positives
                    + " with a finding; at least " + minimum + " are needed, with and without findings.";
        }
        if (!sameHoldOut) {
            note += " The hold-out metrics were measured on different lines (" + window(a) + " and " + window(b)
                    + ") and are not directly comparable.";
        }
        return new ModelComparison(
                a,
                b,
                metrics,
                sameHoldOut,
                measured,
                note,
                missing(a.card().features(), b.card().features()),
                missing(b.card().features(), a.card().features()));
    }

    private static String window(ModelVersion version) {
        ModelCard.HoldOut holdOut = version.card().holdOut();
        return "version " + version.version() + ": "
                + (holdOut == null ? "no hold-out" : holdOut.from() + " to " + holdOut.to());
    }

    private static List<Metric> metrics(Evaluation ea, Evaluation eb) {
        List<Metric> metrics = new ArrayList<>();
        for (double percent : Evaluation.STANDARD_PERCENTS) {
            String at = Evaluation.trim(percent) + "%";
            metrics.add(metric("precision@" + at, precision(ea, percent), precision(eb, percent)));
        }
        for (double percent : Evaluation.STANDARD_PERCENTS) {
            String at = Evaluation.trim(percent) + "%";
            metrics.add(metric("recall@" + at, recall(ea, percent), recall(eb, percent)));
        }
        metrics.add(metric("auc", ea == null ? null : ea.auc(), eb == null ? null : eb.auc()));
        return metrics;
    }

    private static Evaluation evaluation(ModelVersion version) {
        return version.card().holdOut() == null
                ? null
                : version.card().holdOut().evaluation();
    }

    private static Double precision(Evaluation evaluation, double percent) {
        return evaluation == null ? null : evaluation.precisionAt(percent);
    }

    private static Double recall(Evaluation evaluation, double percent) {
        return evaluation == null ? null : evaluation.recallAt(percent);
    }

    private static Metric metric(String name, Double a, Double b) {
        Double change = a == null || b == null || a.isNaN() || b.isNaN() ? null : b - a;
        return new Metric(name, a, b, change);
    }

    private static List<String> missing(List<String> in, List<String> from) {
        Set<String> other = new LinkedHashSet<>(from);
        return in.stream().filter(name -> !other.contains(name)).toList();
    }
}
