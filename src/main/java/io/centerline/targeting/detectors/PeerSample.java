package io.centerline.targeting.detectors;

import java.util.Arrays;

/**
 * The most recent values of one peer group (at most a fixed number, older ones overwritten first) with the count of
 * all values ever added, and their median and median absolute deviation. The robust figures are recomputed only when
 * enough new values have arrived since the last time, so reading them is cheap. Not thread-safe: callers hold a lock.
 */
final class PeerSample {

    /** The median, the median absolute deviation and the count of all values ever added. */
    record Summary(double median, double mad, long count) {}

    private final int capacity;
    private float[] values = new float[8];
    private int size;
    private int next;
    private long count;
    private Summary summary;
    private int addedSinceSummary;

    PeerSample(int capacity) {
        this.capacity = capacity;
    }

    void add(double value) {
        if (size < capacity) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.min(capacity, values.length * 2));
            }
            values[size++] = (float) value;
        } else {
            values[next] = (float) value;
            next = (next + 1) % capacity;
        }
        count++;
        addedSinceSummary++;
    }

    long count() {
        return count;
    }

    Summary summary() {
        if (size == 0) {
            return new Summary(Double.NaN, Double.NaN, 0);
        }
        if (summary == null || addedSinceSummary > Math.max(0, size / 32)) {
            double[] sorted = new double[size];
            for (int i = 0; i < size; i++) {
                sorted[i] = values[i];
            }
            Arrays.sort(sorted);
            double median = median(sorted);
            for (int i = 0; i < size; i++) {
                sorted[i] = Math.abs(sorted[i] - median);
            }
            Arrays.sort(sorted);
            summary = new Summary(median, median(sorted), count);
            addedSinceSummary = 0;
        }
        return new Summary(summary.median(), summary.mad(), count);
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
