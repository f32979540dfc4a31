package io.centerline.targeting.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two model versions side by side: both cards, the hold-out metrics of each with the change from the first to the
 * second, and the features one has and the other lacks.
 */
public record ModelComparison(
        ModelVersion a,
        ModelVersion b,
        List<Metric> metrics,
        List<String> featuresOnlyInA,
        List<String> featuresOnlyInB) {

    /** One hold-out metric of both versions; {@code null} where a version has no hold-out. */
    public record Metric(String name, Double a, Double b, Double change) {}

    public static ModelComparison of(ModelVersion a, ModelVersion b) {
        List<Metric> metrics = new ArrayList<>();
        Evaluation ea = evaluation(a);
        Evaluation eb = evaluation(b);
        for (double percent : Evaluation.STANDARD_PERCENTS) {
            String at = Evaluation.trim(percent) + "%";
            metrics.add(metric("precision@" + at, precision(ea, percent), precision(eb, percent)));
        }
        for (double percent : Evaluation.STANDARD_PERCENTS) {
            String at = Evaluation.trim(percent) + "%";
            metrics.add(metric("recall@" + at, recall(ea, percent), recall(eb, percent)));
        }
        metrics.add(metric("auc", ea == null ? null : ea.auc(), eb == null ? null : eb.auc()));
        metrics.add(metric("rows", (double) a.card().rows(), (double) b.card().rows()));
        metrics.add(metric(
                "positives", (double) a.card().positives(), (double) b.card().positives()));
        return new ModelComparison(
                a,
                b,
                metrics,
                missing(a.card().features(), b.card().features()),
                missing(b.card().features(), a.card().features()));
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
