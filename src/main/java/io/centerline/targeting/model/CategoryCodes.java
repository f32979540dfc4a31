package io.centerline.targeting.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A label encoding of one categorical field, fitted on training rows: the most frequent value gets code 0, the next
 * code 1 and so on (ties in alphabetical order), so that a tree's split on the code separates common from rare values.
 * A value never seen in training gets the code one past the rarest: it is treated as the rarest kind of value, never as
 * one it happens to resemble by spelling.
 */
final class CategoryCodes {

    private final List<String> values;
    private final int[] counts;
    private final Map<String, Integer> codes;

    CategoryCodes(List<String> valuesByRank, int[] counts) {
        this.values = List.copyOf(valuesByRank);
        this.counts = counts.clone();
        this.codes = new HashMap<>(values.size() * 2);
        for (int i = 0; i < values.size(); i++) {
            codes.put(values.get(i), i);
        }
    }

    static CategoryCodes fit(Iterable<String> observed) {
        Map<String, Integer> tally = new HashMap<>();
        for (String value : observed) {
            tally.merge(normalise(value), 1, Integer::sum);
        }
        List<String> ranked = new ArrayList<>(tally.keySet());
        ranked.sort(Comparator.comparing((String v) -> -tally.get(v)).thenComparing(Comparator.naturalOrder()));
        int[] counts = ranked.stream().mapToInt(tally::get).toArray();
        return new CategoryCodes(ranked, counts);
    }

    /** The code of a value; {@link #unseenCode()} for a value not seen in training. */
    int code(String value) {
        Integer code = codes.get(normalise(value));
        return code == null ? unseenCode() : code;
    }

    int unseenCode() {
        return values.size();
    }

    /** How many training rows carried the value; 0 when unseen. */
    int count(String value) {
        Integer code = codes.get(normalise(value));
        return code == null ? 0 : counts[code];
    }

    int size() {
        return values.size();
    }

    List<String> values() {
        return values;
    }

    int[] counts() {
        return counts.clone();
    }

    static String normalise(String value) {
        return value == null ? "" : value.trim();
    }
}
