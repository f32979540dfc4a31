package io.centerline.targeting.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Values kept by a pair of texts, as a map keyed by the two joined with {@code |} would keep them, without joining
 * them. A joined key is a new text for every line, hashed over all its characters at every lookup (a description and
 * an HTS number make a long one); here a pair is looked up by its two texts, whose hashes the line has worked out
 * already.
 *
 * <p>Joining can make two pairs one key: {@code a|b} and {@code c} join as {@code a|b|c}, as do {@code a} and
 * {@code b|c}, and the joined map counts them together. So a pair of which a text holds {@code |} is kept under its
 * joined key, as before. A joined key with a single {@code |} comes from one pair only, split there, and every pair
 * whose joined key holds more than one is kept joined: both ways of keeping a pair find the same value the joined map
 * finds. The stored form of the table is the joined map ({@link #joined()}, {@link #of(Map)}).
 *
 * @param <V> what is kept per pair
 */
final class PairTable<V> {

    private static final char JOIN = '|';

    /** The pairs of texts without {@code |}: by first text, then by second. */
    private final Map<String, Map<String, V>> split;
    /** The pairs of which a text holds {@code |}, by their joined key. */
    private final Map<String, V> joined;

    PairTable() {
        this(new HashMap<>(), new HashMap<>());
    }

    private PairTable(Map<String, Map<String, V>> split, Map<String, V> joined) {
        this.split = split;
        this.joined = joined;
    }

    /** The table a map keyed by joined pairs holds. */
    static <V> PairTable<V> of(Map<String, V> byJoinedKey) {
        PairTable<V> table = new PairTable<>(new HashMap<>(), new HashMap<>());
        byJoinedKey.forEach((key, value) -> {
            int at = key.indexOf(JOIN);
            if (at >= 0 && key.indexOf(JOIN, at + 1) < 0) {
                table.split
                        .computeIfAbsent(key.substring(0, at), k -> new HashMap<>())
                        .put(key.substring(at + 1), value);
            } else {
                table.joined.put(key, value);
            }
        });
        return table;
    }

    /** The value of a pair, or null. */
    V get(String first, String second) {
        if (plain(first) && plain(second)) {
            Map<String, V> seconds = split.get(first);
            return seconds == null ? null : seconds.get(second);
        }
        return joined.get(join(first, second));
    }

    /** The value of a pair, made first when the pair has none. */
    V computeIfAbsent(String first, String second, Supplier<V> create) {
        if (plain(first) && plain(second)) {
            return split.computeIfAbsent(first, k -> new HashMap<>()).computeIfAbsent(second, k -> create.get());
        }
        return joined.computeIfAbsent(join(first, second), k -> create.get());
    }

    /** The table as a map keyed by the joined pairs, its stored form. */
    Map<String, V> joined() {
        Map<String, V> all = new HashMap<>(joined);
        split.forEach((first, seconds) -> seconds.forEach((second, value) -> all.put(join(first, second), value)));
        return all;
    }

    static String join(String first, String second) {
        return first + JOIN + second;
    }

    private static boolean plain(String text) {
        return text.indexOf(JOIN) < 0;
    }
}
