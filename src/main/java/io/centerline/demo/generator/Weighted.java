package io.centerline.demo.generator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of choices with relative weights, drawn in O(log n); every weight is positive. */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    Weighted(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("Need one positive weight per item");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
    }

    /** Parses {@code KEY:weight KEY:weight ...}. */
    static Weighted<String> parse(String table) {
        String[] pairs = table.trim().split("\\s+");
        String[] keys = new String[pairs.length];
        double[] weights = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            String[] pair = pairs[i].split(":");
            keys[i] = pair[0];
            weights[i] = Double.parseDouble(pair[1]);
        }
        return new Weighted<>(Arrays.asList(keys), weights);
    }

    T pick(SplittableRandom random) {
        return items.get(pickIndex(random));
    }

    int pickIndex(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        index = index >= 0 ? index + 1 : -index - 1;
        return Math.min(index, cumulative.length - 1);
    }

    List<T> items() {
        return items;
    }
}
