package io.centerline.accounts;

import io.centerline.platform.Shown;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An importer-of-record number in one of its three forms: an IRS employer number with a 2-character suffix
 * ({@code NN-NNNNNNNXX}, the suffix never using the letters O, I or Z), a Social Security number
 * ({@code NNN-NN-NNNN}, of the ranges ever issued) or a CBP-assigned number ({@code YYDDPP-NNNNN}).
 */
public record ImporterNumber(String value, Kind kind) {

    // the three forms as patterns: the definition that kind(String) checks character by character
    static final Pattern EIN = Pattern.compile("\\d{2}-\\d{7}[0-9A-HJ-NP-Y]{2}");
    /** An SSN as the Social Security Administration issues them: never area 000, 666 or 900-999, group 00, serial 0000. */
    static final Pattern SSN = Pattern.compile("(?!000|666|9)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}");

    static final Pattern CBP_ASSIGNED = Pattern.compile("\\d{6}-\\d{5}");

    /** The three forms of importer-of-record number. */
    public enum Kind {
        /** IRS employer identification number with a 2-character suffix. */
        EIN,
        /** Social Security number. */
        SSN,
        /** Number assigned by CBP on Form 5106 to a party without EIN or SSN. */
        CBP_ASSIGNED
    }

    public ImporterNumber {
        if (value == null || kindOf(value).orElse(null) != kind) {
            throw new IllegalArgumentException(problemWith(value));
        }
    }

    public static ImporterNumber parse(String text) {
        String value = text == null ? null : text.trim().toUpperCase();
        return new ImporterNumber(
                value, kindOf(value).orElseThrow(() -> new IllegalArgumentException(problemWith(text))));
    }

    public static Optional<ImporterNumber> tryParse(String text) {
        String value = text == null ? null : text.trim().toUpperCase();
        return kindOf(value).map(kind -> new ImporterNumber(value, kind));
    }

    /** Why the text is no importer number, for a filer to read. */
    public static String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return "The importer number is missing.";
        }
        String value = text.trim().toUpperCase();
        if (value.matches("\\d{2}-\\d{7}[A-Z0-9]{2}")) {
            return "The suffix of importer number '" + Shown.value(text) + "' may not use the letters O, I or Z.";
        }
        if (value.matches("\\d{3}-\\d{2}-\\d{4}")) {
            return "Importer number '" + Shown.value(text)
                    + "' has the shape of a Social Security number, but no SSN is issued"
                    + " with area 000, 666 or 900 to 999, group 00 or serial 0000.";
        }
        if (value.matches("\\d{11}")) {
            return "Importer number '" + Shown.value(text)
                    + "' needs its dashes: NN-NNNNNNNXX for an employer number and suffix,"
                    + " YYDDPP-NNNNN for a CBP-assigned number.";
        }
        if (value.matches("\\d{9}[A-Z0-9]{2}")) {
            return "Importer number '" + Shown.value(text)
                    + "' needs its dash: NN-NNNNNNNXX for an employer number and suffix.";
        }
        if (value.matches("\\d{9}")) {
            return "Importer number '" + Shown.value(text)
                    + "' needs its dashes: NNN-NN-NNNN for a Social Security number, or"
                    + " NN-NNNNNNN with a 2-character suffix for an employer number.";
        }
        return "Importer number '" + Shown.value(text)
                + "' is none of NN-NNNNNNNXX (employer number and suffix), NNN-NN-NNNN"
                + " (Social Security number) or YYDDPP-NNNNN (CBP-assigned).";
    }

    private static Optional<Kind> kindOf(String value) {
        Kind kind = value == null ? null : kind(value);
        return Optional.ofNullable(kind);
    }

    /** The form of a number, read character by character: intake checks millions of them. */
    private static Kind kind(String value) {
        if (value.length() == 12 && digits(value, 0, 2) && value.charAt(2) == '-' && digits(value, 3, 10)) {
            return suffixCharacter(value.charAt(10)) && suffixCharacter(value.charAt(11)) ? Kind.EIN : null;
        }
        if (value.length() == 11
                && digits(value, 0, 3)
                && value.charAt(3) == '-'
                && digits(value, 4, 6)
                && value.charAt(6) == '-'
                && digits(value, 7, 11)) {
            return issued(value) ? Kind.SSN : null;
        }
        if (value.length() == 12 && digits(value, 0, 6) && value.charAt(6) == '-' && digits(value, 7, 12)) {
            return Kind.CBP_ASSIGNED;
        }
        return null;
    }

    /** Whether an SSN-shaped number lies in the ranges the Social Security Administration issues. */
    private static boolean issued(String ssn) {
        boolean area = !ssn.startsWith("000") && !ssn.startsWith("666") && ssn.charAt(0) != '9';
        boolean group = !(ssn.charAt(4) == '0' && ssn.charAt(5) == '0');
        boolean serial = !ssn.endsWith("0000");
        return area && group && serial;
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A digit or a capital letter other than O, I and Z. */
    private static boolean suffixCharacter(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Y' && c != 'O' && c != 'I');
    }

    @Override
    public String toString() {
        return value;
    }
}
