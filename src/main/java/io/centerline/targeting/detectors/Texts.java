package io.centerline.targeting.detectors;

import io.centerline.platform.Shown;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How detectors write figures, codes and a filer's text in their reasons: what a filer wrote in words of its own (a
 * description, a manufacturer or seller) always in quotes on one line ({@link Shown#quoted}), a code a filer gave as it
 * is while it is one ({@link Shown#code}), so that nothing filed can read as the reason's own words.
 */
final class Texts {

    private Texts() {}

    /**
     * An HTS number as printed in the schedule: {@code 7604.29.1000}; shorter prefixes as far as they go. Text that is
     * not digits is no HTS number, and is shown as a code.
     */
    static String hts(String hts) {
        if (hts == null) {
            return "?";
        }
        if (!hts.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Shown.code(hts);
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

    /** Text a filer wrote, as a reason quotes it; "none" when there is none. */
    static String filed(String text) {
        return isBlank(text) ? "none" : Shown.quoted(text);
    }

    /** A code a filer gave, as a reason writes it; "none" when there is none. */
    static String code(String text) {
        return isBlank(text) ? "none" : Shown.code(text.strip());
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
