package io.centerline.targeting.detectors;

import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.util.List;

/**
 * A detector that reads and learns by keys it works out from each line (a peer group, a manufacturer and description).
 * Scoring examines an entry and then learns from it ({@link #examineAndLearn}); the keys are worked out once for both,
 * which saves building, hashing and normalising them twice for every line.
 *
 * @param <K> the keys of one entry's lines
 */
abstract class KeyedDetector<K> extends TunableDetector {

    protected KeyedDetector(List<Threshold> thresholds) {
        super(thresholds);
    }

    /** The keys of the entry's lines. */
    protected abstract K keys(EntryUnderReview entry);

    /** The findings on an entry while the detector is switched on, read by the entry's keys. */
    protected abstract List<Finding> find(EntryUnderReview entry, K keys);

    /** Takes the entry into the running statistics under its keys. */
    protected abstract void learn(EntryUnderReview entry, K keys);

    @Override
    protected final List<Finding> find(EntryUnderReview entry) {
        return find(entry, keys(entry));
    }

    @Override
    public final void learn(EntryUnderReview entry) {
        learn(entry, keys(entry));
    }

    /**
     * Takes the entry into the running statistics after the detector, switched on, found {@code findings} in it; by
     * default as {@link #learn(EntryUnderReview, Object)} does, for a detector whose learning depends on what it finds
     * to spare working it out again.
     */
    protected void learnAfterFinding(EntryUnderReview entry, K keys, List<Finding> findings) {
        learn(entry, keys);
    }

    @Override
    public final List<Finding> examineAndLearn(EntryUnderReview entry) {
        K keys = keys(entry);
        if (!isOn()) {
            learn(entry, keys);
            return List.of();
        }
        List<Finding> findings = find(entry, keys);
        learnAfterFinding(entry, keys, findings);
        return findings;
    }
}
