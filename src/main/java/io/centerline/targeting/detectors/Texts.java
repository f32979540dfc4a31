package io.centerline.targeting.detectors;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How detectors write figures and codes in their reasons. */
final class Texts {

    private Texts() {}

    /** An HTS number as printed in the schedule: {@code 7604.29.1000}; shorter prefixes as far as they go. */
    static String hts(String hts) {
        if (hts == null) {
            return "?";
        }
        if (hts.length() <= 4) {
            return hts;
        }
        if (hts.length() <= 6) {
            return hts.substring(0, 4) + "." + hts.substring(4);
        }
        return hts.substring(0, 4) + "." + hts.substring(4, 6) + "." + hts.substring(6);
    }

    /** A figure with two decimals from 1 up, three significant digits below 1, never in exponent form. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) >= 1 || value == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return new BigDecimal(value)
                .round(new MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
