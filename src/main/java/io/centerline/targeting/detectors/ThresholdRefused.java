package io.centerline.targeting.detectors;

/**
 * A threshold change refused, naming the threshold and a stable code: {@code THRESHOLD_UNKNOWN} for a name the
 * detector does not have, {@code THRESHOLD_RANGE} for a value outside its bounds or a fraction where it counts, and
 * {@code REQUIRED} for a threshold named without a value.
 */
public class ThresholdRefused extends IllegalArgumentException {

    private final String threshold;
    private final String code;

    ThresholdRefused(String threshold, String code, String message) {
        super(message);
        this.threshold = threshold;
        this.code = code;
    }

    /** The name of the threshold at fault. */
    public String threshold() {
        return threshold;
    }

    public String code() {
        return code;
    }
}
