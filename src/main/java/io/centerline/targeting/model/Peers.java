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

    private final Medians unitValues;
    private final Medians valuesPerKg;
    private final Medians dutyRates;

    private Peers(Medians unitValues, Medians valuesPerKg, Medians dutyRates) {
        this.unitValues = unitValues;
        this.valuesPerKg = valuesPerKg;
        this.dutyRates = dutyRates;
    }

    /**
     * The medians of one amount per group: of the HTS number and origin (kept by the pair, not by the two joined, so
     * that a line's lookup hashes no new key), of the HTS number and of the subheading.
     */
    private record Medians(
            PairTable<Double> byHtsAndOrigin, Map<String, Double> byHts, Map<String, Double> bySubheading) {

        static Medians of(List<Map<String, Double>> levels) {
            return new Medians(PairTable.of(levels.get(0)), levels.get(1), levels.get(2));
        }

        Usual of(Product product) {
            Double median = byHtsAndOrigin.get(product.hts(), product.origin());
            if (median != null) {
                return new Usual(median, SCOPES[0]);
            }
            median = byHts.get(product.hts());
            if (median != null) {
                return new Usual(median, SCOPES[1]);
            }
            median = bySubheading.get(product.subheading());
            return median != null ? new Usual(median, SCOPES[2]) : Usual.NONE;
        }

        /** The levels as stored: HTS number and origin joined with {@code |}, HTS number, subheading. */
        List<Map<String, Double>> levels() {
            return List.of(byHtsAndOrigin.joined(), byHts, bySubheading);
        }
    }

    /** The groups of a line: its HTS number (ten digits, so never holding {@code |}), origin and subheading. */
    record Product(String hts, String origin, String subheading) {}

    static Peers fit(List<Declaration> lines) {
        return new Peers(
                Medians.of(medians(lines, Declaration::unitValue)),
                Medians.of(medians(lines, Declaration::valuePerKg)),
                Medians.of(medians(lines, Declaration::dutyRate)));
    }

    Usual unitValue(Declaration d) {
        return unitValues.of(product(d));
    }

    Usual valuePerKg(Declaration d) {
        return valuesPerKg.of(product(d));
    }

    Usual dutyRate(Declaration d) {
        return dutyRates.of(product(d));
    }

    /** The usual unit value for a line whose {@link Product product} is known. */
    Usual unitValue(Product product) {
        return unitValues.of(product);
    }

    Usual valuePerKg(Product product) {
        return valuesPerKg.of(product);
    }

    Usual dutyRate(Product product) {
        return dutyRates.of(product);
    }

    private static Product product(Declaration d) {
        return new Product(
                FeaturePipeline.htsDigits(d, 10), FeaturePipeline.ORIGIN.of(d), FeaturePipeline.htsDigits(d, 6));
    }

    /** The groups of a line as fitting keys them, most specific first: HTS number and origin, HTS number, subheading. */
    private static String[] keys(Declaration d) {
        Product product = product(d);
        return new String[] {PairTable.join(product.hts(), product.origin()), product.hts(), product.subheading()};
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
        for (Medians amount : List.of(unitValues, valuesPerKg, dutyRates)) {
            for (Map<String, Double> level : amount.levels()) {
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
        return new Peers(Medians.of(amounts.get(0)), Medians.of(amounts.get(1)), Medians.of(amounts.get(2)));
    }
}
