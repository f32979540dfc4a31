package io.centerline.targeting.detectors;

import java.math.BigDecimal;

/**
 * A figure a targeter may set on a detector, within bounds that keep the detector meaningful.
 *
 * @param name the key used in the API, for example {@code minPeers}
 * @param description what the figure means, in a sentence
 */
public record Threshold(String name, String description, double defaultValue, double min, double max) {

    public Threshold {
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(
                    "Threshold " + name + " needs its default " + defaultValue + " within [" + min + ", " + max + "]");
        }
    }

    /** The value checked against the bounds; an out-of-range value is refused with the bounds in the message. */
    double check(double value) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("Threshold " + name + " must lie within [" + plain(min) + ", "
                    + plain(max) + "], not " + plain(value));
        }
        return value;
    }

    private static String plain(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
