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

    @Override
    public final List<Finding> examineAndLearn(EntryUnderReview entry) {
        K keys = keys(entry);
        List<Finding> findings = isOn() ? find(entry, keys) : List.of();
        learn(entry, keys);
        return findings;
    }
}
