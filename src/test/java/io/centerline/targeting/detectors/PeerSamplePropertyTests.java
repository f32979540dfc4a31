package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The peer groups' robust figures, found by selection, against their definition by sorting. */
class PeerSamplePropertyTests {

    @Property(tries = 5_000)
    void theMedianBySelectionIsTheMedianOfTheSortedValues(@ForAll("values") List<Double> values) {
        double[] selected = values.stream().mapToDouble(Double::doubleValue).toArray();

        assertThat(PeerSample.median(selected)).isCloseTo(sortedMedian(values), within(0.0));
    }

    @Property(tries = 2_000)
    void aSampleSummarisesItsMostRecentValuesByMedianAndMedianAbsoluteDeviation(
            @ForAll("values") List<Double> values, @ForAll @IntRange(min = 1, max = 160) int capacity) {
        PeerSample sample = new PeerSample(capacity);
        values.forEach(sample::add);

        List<Double> kept = values.subList(Math.max(0, values.size() - capacity), values.size()).stream()
                .map(value -> (double) value.floatValue())
                .toList();
        double median = sortedMedian(kept);
        List<Double> deviations =
                kept.stream().map(value -> Math.abs(value - median)).toList();
        PeerSample.Summary summary = sample.summary();

        assertThat(summary.median()).isCloseTo(median, within(0.0));
        assertThat(summary.mad()).isCloseTo(sortedMedian(deviations), within(0.0));
        assertThat(summary.count()).isEqualTo(values.size());
    }

    @Provide
    Arbitrary<List<Double>> values() {
        // few distinct values as often as many, so that ties around the middle are common
        Arbitrary<Double> repeated = Arbitraries.integers().between(-3, 3).map(i -> i * 0.5);
        Arbitrary<Double> spread = Arbitraries.doubles().between(-12, 12);
        return Arbitraries.oneOf(repeated, spread).list().ofMinSize(1).ofMaxSize(300);
    }

    private static double sortedMedian(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
