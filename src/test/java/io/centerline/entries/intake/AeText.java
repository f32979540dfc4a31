package io.centerline.entries.intake;

import java.util.Arrays;

/** Builds the text of AE records for tests by placing values at 1-based positions. */
final class AeText {

    private AeText() {}

    /** A record of the given type with each value placed at the position before it, padded to 80 characters. */
    static String record(String type, Object... positionsAndValues) {
        char[] chars = new char[80];
        Arrays.fill(chars, ' ');
        type.getChars(0, type.length(), chars, 0);
        for (int i = 0; i < positionsAndValues.length; i += 2) {
            int position = (Integer) positionsAndValues[i];
            String value = (String) positionsAndValues[i + 1];
            value.getChars(0, value.length(), chars, position - 1);
        }
        return new String(chars);
    }

    static String lines(String... records) {
        return String.join("\n", records) + "\n";
    }

    static String header10(String filer, String entry) {
        return record("10", 3, "A", 4, filer, 9, entry, 18, "2704", 34, "01", 36, "11");
    }

    static String header11() {
        return record("11", 3, "12-3456789AB", 42, "031526", 48, "031026");
    }

    static String line40(String lineId) {
        return record("40", 5, lineId, 9, "CN", 11, "CN", 42, "0000001200", 56, "N");
    }

    static String tariff50(String hts, String dutyCents, String valueDollars) {
        return record("50", 3, hts, 14, dutyCents, 25, valueDollars, 36, "000000010000", 48, "NO");
    }

    static String totals90(String dutyCents, String feeCents) {
        return record("90", 3, dutyCents, 15, feeCents);
    }
}
