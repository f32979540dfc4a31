package io.centerline.targeting.model;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/** Numbers and codes formatted the way a specialist reads them on an entry summary. */
final class Words {

    private Words() {}

    static String amount(double value) {
        if (Double.isNaN(value)) {
            return "not declared";
        }
        return String.format(Locale.US, Math.abs(value) >= 100 ? "%,.0f" : "%,.2f", value);
    }

    static String precise(double value) {
        if (Double.isNaN(value)) {
            return "not declared";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 1 ? "%,.2f" : magnitude >= 0.01 ? "%.3f" : "%.2g";
        return String.format(Locale.US, pattern, value);
    }

    static String percent(double share) {
        return String.format(Locale.US, share >= 0.1 || share == 0 ? "%.0f%%" : "%.1f%%", share * 100);
    }

    static String rate(double percent) {
        return String.format(Locale.US, "%.1f%%", percent);
    }

    /** An HTS number with its usual dots: 7604.29.1000, 7604.29.10, or as given when it is neither. */
    static String hts(String digits) {
        if (digits == null || digits.isBlank()) {
            return "(none)";
        }
        if (digits.length() == 10) {
            return digits.substring(0, 4) + "." + digits.substring(4, 6) + "." + digits.substring(6);
        }
        if (digits.length() == 8) {
            return digits.substring(0, 4) + "." + digits.substring(4, 6) + "." + digits.substring(6);
        }
        if (digits.length() == 6) {
            return digits.substring(0, 4) + "." + digits.substring(4);
        }
        return digits;
    }

    static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.US);
    }

    static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
