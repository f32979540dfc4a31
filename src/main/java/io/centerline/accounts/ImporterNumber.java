package io.centerline.accounts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An importer-of-record number in one of its three forms: an IRS employer number with a 2-character suffix
 * ({@code NN-NNNNNNNXX}, the suffix never using the letters O, I or Z), a Social Security number
 * ({@code NNN-NN-NNNN}) or a CBP-assigned number ({@code YYDDPP-NNNNN}).
 */
public record ImporterNumber(String value, Kind kind) {

    private static final Pattern EIN = Pattern.compile("\\d{2}-\\d{7}[0-9A-HJ-NP-Y]{2}");
    private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
    private static final Pattern CBP_ASSIGNED = Pattern.compile("\\d{6}-\\d{5}");

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
            return "The suffix of importer number '" + text + "' may not use the letters O, I or Z.";
        }
        if (value.matches("\\d{9}[A-Z0-9]{2}|\\d{9}")) {
            return "Importer number '" + text + "' needs its dashes: NN-NNNNNNNXX for an employer number, NNN-NN-NNNN"
                    + " for a Social Security number.";
        }
        return "Importer number '" + text + "' is none of NN-NNNNNNNXX (employer number and suffix), NNN-NN-NNNN"
                + " (Social Security number) or YYDDPP-NNNNN (CBP-assigned).";
    }

    private static Optional<Kind> kindOf(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (EIN.matcher(value).matches()) {
            return Optional.of(Kind.EIN);
        }
        if (SSN.matcher(value).matches()) {
            return Optional.of(Kind.SSN);
        }
        if (CBP_ASSIGNED.matcher(value).matches()) {
            return Optional.of(Kind.CBP_ASSIGNED);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
