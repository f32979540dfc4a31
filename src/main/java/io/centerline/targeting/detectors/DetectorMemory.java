package io.centerline.targeting.detectors;

/**
 * The share of the heap the detectors' running statistics may fill, and the sizes of their maps that follow from it.
 * The configured sizes are the most each map holds; when all of them together would need more than the budget, every
 * map is scaled down by the same factor, so a service or command line run with a small heap forgets sooner instead of
 * running out of memory. The costs per key are estimates of the retained size of a key with its statistics (string,
 * map entry, value object), counted from the sizes of those objects on a 64-bit JVM with compressed references.
 *
 * @param budgetBytes how much of the heap the detectors may use
 */
record DetectorMemory(long budgetBytes) {

    /** The fewest keys a map keeps whatever the budget. */
    static final int MIN_KEYS = 1_024;

    static final int BYTES_PER_PEER_GROUP_OVERHEAD = 200;
    static final int BYTES_PER_IMPORTER = 300;
    static final int BYTES_PER_IMPORTER_PRODUCT = 330;
    static final int BYTES_PER_MANUFACTURER = 110;
    static final int BYTES_PER_MISCLASSIFICATION_KEY = 350;

    static DetectorMemory ofHeap(long maxHeapBytes, double heapShare) {
        if (!(heapShare > 0 && heapShare <= 1)) {
            throw new IllegalArgumentException(
                    "The detectors' heap share must lie above 0 and at most 1, not " + heapShare);
        }
        return new DetectorMemory((long) (maxHeapBytes * heapShare));
    }

    /** The map sizes within the budget. */
    Sizes fit(Sizes configured) {
        double needed =
                (double) configured.peerGroups() * (BYTES_PER_PEER_GROUP_OVERHEAD + 4L * configured.sampleSize())
                        + (double) configured.importers() * (BYTES_PER_IMPORTER + 4 * BYTES_PER_IMPORTER_PRODUCT)
                        + (double) configured.manufacturers() * BYTES_PER_MANUFACTURER
                        + (double) configured.misclassificationKeys() * 2 * BYTES_PER_MISCLASSIFICATION_KEY;
        double factor = Math.min(1, budgetBytes / needed);
        return new Sizes(
                scaled(configured.peerGroups(), factor),
                configured.sampleSize(),
                scaled(configured.importers(), factor),
                scaled(configured.manufacturers(), factor),
                scaled(configured.misclassificationKeys(), factor));
    }

    private static int scaled(int keys, double factor) {
        return Math.min(keys, Math.max(MIN_KEYS, (int) (keys * factor)));
    }

    /**
     * The sizes of the detectors' maps.
     *
     * @param importers importers of the origin-shift detector; it keeps four times as many importer products
     * @param misclassificationKeys manufacturer and description pairs of the misclassification detector, and as many
     *     description and origin pairs
     */
    record Sizes(int peerGroups, int sampleSize, int importers, int manufacturers, int misclassificationKeys) {}
}
