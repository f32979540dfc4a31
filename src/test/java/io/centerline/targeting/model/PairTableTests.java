package io.centerline.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairTableTests {

    /** Texts with and without the joining character, at either end and in the middle, and empty. */
    private static final List<String> TEXTS = List.of("", "a", "b", "a|b", "|", "b|", "|a", "a||b", "ab", "b|a|");

    @Test
    void countsEveryPairAsTheMapOfJoinedKeysDoes() {
        PairTable<int[]> table = new PairTable<>();
        Map<String, int[]> joined = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            String first = TEXTS.get(random.nextInt(TEXTS.size()));
            String second = TEXTS.get(random.nextInt(TEXTS.size()));
            table.computeIfAbsent(first, second, () -> new int[1])[0]++;
            joined.computeIfAbsent(first + "|" + second, k -> new int[1])[0]++;
        }

        for (String first : TEXTS) {
            for (String second : TEXTS) {
                assertThat(count(table.get(first, second)))
                        .as("pair %s and %s", first, second)
                        .isEqualTo(count(joined.get(first + "|" + second)));
            }
        }
        // "a" and "b|" join as "a" and "|b" do not, but as "a|" and "b" do: counted together, as joined keys are
        assertThat(table.get("a", "b|")).isSameAs(table.get("a|b", ""));
    }

    @Test
    void storesAndReadsBackTheJoinedKeys() {
        PairTable<int[]> table = new PairTable<>();
        for (String first : TEXTS) {
            for (String second : TEXTS) {
                table.computeIfAbsent(first, second, () -> new int[1])[0]++;
            }
        }

        Map<String, int[]> stored = table.joined();
        PairTable<int[]> read = PairTable.of(stored);

        assertThat(read.joined()).containsOnlyKeys(stored.keySet());
        for (String first : TEXTS) {
            for (String second : TEXTS) {
                assertThat(read.get(first, second)).isSameAs(stored.get(first + "|" + second));
            }
        }
        assertThat(read.get("x", "y")).isNull();
    }

    private static int count(int[] counts) {
        return counts == null ? 0 : counts[0];
    }
}
