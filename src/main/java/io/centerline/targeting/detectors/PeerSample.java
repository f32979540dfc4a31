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
    // the robust figures as last computed, kept as numbers: a new record per computation would be promoted to the old
    // generation with its sample and die there soon after
    private boolean summarised;
    private double median;
    private double mad;
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
        if (!summarised || addedSinceSummary > Math.max(0, size / 32)) {
            double[] work = new double[size];
            for (int i = 0; i < size; i++) {
                work[i] = values[i];
            }
            median = median(work);
            for (int i = 0; i < size; i++) {
                work[i] = Math.abs(work[i] - median);
            }
            mad = median(work);
            summarised = true;
            addedSinceSummary = 0;
        }
        return new Summary(median, mad, count);
    }

    /**
     * The median of the values, which it reorders: the middle one, or the mean of the two middle ones. Found by
     * selection rather than by sorting, as the robust figures are recomputed every few values added.
     */
    static double median(double[] values) {
        int middle = values.length / 2;
        double upper = select(values, middle);
        if (values.length % 2 == 1) {
            return upper;
        }
        // selection leaves nothing larger than the middle value before it, so the largest of those is the other middle
        double lower = values[0];
        for (int i = 1; i < middle; i++) {
            lower = Math.max(lower, values[i]);
        }
        return (lower + upper) / 2;
    }

    /** Moves the k-th smallest value (from zero) to index k, nothing larger before it, and answers it (Hoare). */
    private static double select(double[] values, int k) {
        int left = 0;
        int right = values.length - 1;
        while (right > left) {
            double pivot = middleOf(values[left], values[(left + right) >>> 1], values[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swapped = values[i];
                    values[i++] = values[j];
                    values[j--] = swapped;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    private static double middleOf(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
