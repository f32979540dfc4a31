package io.centerline.targeting.model;

import io.centerline.targeting.Declaration;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The usual unit value, value per kg and duty rate of a product in training: the median over the training lines of the
 * same HTS number and origin, else of the same HTS number, else of the same 6-digit subheading, each only when it has
 * at least {@link FeaturePipeline#PEER_MINIMUM} lines.
 */
final class Peers {

    /** A usual value and the group it was taken from, in words ("for this HTS number and origin"). */
    record Usual(double value, String scope) {
        static final Usual NONE = new Usual(Double.NaN, "");
    }

    private static final String[] SCOPES = {
        "for this HTS number and origin", "for this HTS number", "for this HTS subheading"
    };

    private final List<Map<String, Double>> unitValues;
    private final List<Map<String, Double>> valuesPerKg;
    private final List<Map<String, Double>> dutyRates;

    private Peers(
            List<Map<String, Double>> unitValues,
            List<Map<String, Double>> valuesPerKg,
            List<Map<String, Double>> dutyRates) {
        this.unitValues = unitValues;
        this.valuesPerKg = valuesPerKg;
        this.dutyRates = dutyRates;
    }

    static Peers fit(List<Declaration> lines) {
        return new Peers(
                medians(lines, Declaration::unitValue),
                medians(lines, Declaration::valuePerKg),
                medians(lines, Declaration::dutyRate));
    }

    Usual unitValue(Declaration d) {
        return usual(unitValues, keys(d));
    }

    Usual valuePerKg(Declaration d) {
        return usual(valuesPerKg, keys(d));
    }

    Usual dutyRate(Declaration d) {
        return usual(dutyRates, keys(d));
    }

    /** The usual unit value for a line whose {@link #keys(String, String, String) keys} are known. */
    Usual unitValue(String[] keys) {
        return usual(unitValues, keys);
    }

    Usual valuePerKg(String[] keys) {
        return usual(valuesPerKg, keys);
    }

    Usual dutyRate(String[] keys) {
        return usual(dutyRates, keys);
    }

    private static Usual usual(List<Map<String, Double>> levels, String[] keys) {
        for (int level = 0; level < keys.length; level++) {
            Double median = levels.get(level).get(keys[level]);
            if (median != null) {
                return new Usual(median, SCOPES[level]);
            }
        }
        return Usual.NONE;
    }

    private static String[] keys(Declaration d) {
        return keys(FeaturePipeline.htsDigits(d, 10), FeaturePipeline.ORIGIN.of(d), FeaturePipeline.htsDigits(d, 6));
    }

    /** The groups of a line, most specific first: its HTS number and origin, its HTS number, its subheading. */
    static String[] keys(String hts, String origin, String subheading) {
        return new String[] {hts + "|" + origin, hts, subheading};
    }

    private static List<Map<String, Double>> medians(List<Declaration> lines, ToDoubleFunction<Declaration> amount) {
        List<Map<String, List<Double>>> groups = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (Declaration line : lines) {
            double value = amount.applyAsDouble(line);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String[] keys = keys(line);
            for (int level = 0; level < keys.length; level++) {
                groups.get(level)
                        .computeIfAbsent(keys[level], k -> new ArrayList<>())
                        .add(value);
            }
        }
        List<Map<String, Double>> medians = new ArrayList<>();
        for (Map<String, List<Double>> level : groups) {
            Map<String, Double> median = new HashMap<>();
            level.forEach((key, values) -> {
                if (values.size() >= FeaturePipeline.PEER_MINIMUM) {
                    median.put(key, median(values));
                }
            });
            medians.add(median);
        }
        return medians;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    void write(DataOutputStream out) throws IOException {
        for (List<Map<String, Double>> amount : List.of(unitValues, valuesPerKg, dutyRates)) {
            for (Map<String, Double> level : amount) {
                Binary.writeDoubles(out, level);
            }
        }
    }

    static Peers read(DataInputStream in) throws IOException {
        List<List<Map<String, Double>>> amounts = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            List<Map<String, Double>> levels = new ArrayList<>();
            for (int level = 0; level < SCOPES.length; level++) {
                levels.add(Binary.readDoubles(in));
            }
            amounts.add(levels);
        }
        return new Peers(amounts.get(0), amounts.get(1), amounts.get(2));
    }
}
