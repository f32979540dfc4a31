package io.centerline.demo.generator;

/**
 * The Center responsible for each HTS heading, as in {@code hts-center-map.csv} effective 2017-01-19: every heading of
 * chapters 01 to 97 falls in exactly one range, so every classification has exactly one Center.
 */
public final class HeadingCenters {

    private static final int[] FROM = {
        101, 2501, 2801, 3901, 4101, 4401, 4601, 4701, 5001, 6801, 7101, 7113, 7201, 8401, 8469, 8474, 8501, 8511, 8512,
        8601, 9001, 9018, 9023, 9101
    };
    private static final int[] TO = {
        2499, 2799, 3899, 4099, 4399, 4599, 4699, 4999, 6799, 7099, 7112, 7118, 8399, 8468, 8473, 8487, 8510, 8511,
        8548, 8999, 9017, 9022, 9033, 9799
    };
    private static final String[] CENTER = {
        "AG", "PNGM", "PHC", "IMM", "AFT", "IMM", "CPMM", "IMM", "AFT", "IMM", "PNGM", "CPMM", "BM", "MACH", "ELEC",
        "MACH", "ELEC", "AA", "ELEC", "AA", "ELEC", "PHC", "ELEC", "CPMM"
    };

    /** The ten Center codes. */
    public static final String[] CENTERS = {"PHC", "AG", "AA", "AFT", "BM", "PNGM", "ELEC", "CPMM", "IMM", "MACH"};

    private HeadingCenters() {}

    /** The Center code of the heading of an HTS number (dots allowed), or {@code null} outside chapters 01 to 97. */
    public static String centerOf(String htsNumber) {
        String digits = htsNumber.replace(".", "");
        int heading = Integer.parseInt(digits.substring(0, 4));
        for (int i = 0; i < FROM.length; i++) {
            if (heading >= FROM[i] && heading <= TO[i]) {
                return CENTER[i];
            }
        }
        return null;
    }
}
