package io.centerline.targeting.detectors;

import io.centerline.platform.RefusedInput;
import java.math.BigDecimal;

/**
 * A figure a targeter may set on a detector, within bounds that keep the detector meaningful.
 *
 * @param name the key used in the API, for example {@code minPeers}
 * @param description what the figure means, in a sentence
 * @param whole whether the figure counts something (lines, filings), and so takes whole numbers only
 */
public record Threshold(String name, String description, double defaultValue, double min, double max, boolean whole) {

    public Threshold {
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(
                    "Threshold " + name + " needs its default " + defaultValue + " within [" + min + ", " + max + "]");
        }
    }

    /** A figure that may take any value within its bounds. */
    public Threshold(String name, String description, double defaultValue, double min, double max) {
        this(name, description, defaultValue, min, max, false);
    }

    /** A figure that counts something: a whole number within its bounds. */
    static Threshold count(String name, String description, int defaultValue, int min, int max) {
        return new Threshold(name, description, defaultValue, min, max, true);
    }

    /**
     * The value checked against the bounds; an out-of-range value is refused with the bounds in the message, and a
     * count that is not a whole number with its name ({@link RefusedInput}, {@code THRESHOLD_RANGE}, naming the field {@code thresholds.<name>}).
     */
    double check(double value) {
        if (!(value >= min && value <= max)) {
            throw new RefusedInput(
                    field(),
                    "THRESHOLD_RANGE",
                    "Threshold " + name + " must lie within [" + plain(min) + ", " + plain(max) + "], not "
                            + plain(value));
        }
        if (whole && value != Math.rint(value)) {
            throw new RefusedInput(
                    field(),
                    "THRESHOLD_RANGE",
                    "Threshold " + name + " counts, so it takes a whole number, not " + plain(value));
        }
        return value;
    }

    /** The threshold as a field of a detector change's body. */
    String field() {
        return field(name);
    }

    static String field(String name) {
        return "thresholds." + name;
    }

    private static String plain(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
