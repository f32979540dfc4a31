package io.centerline.entries.intake;

/**
 * The field positions of the CATAIR AE records that {@link CatairAeReader} reads and {@link CatairAeWriter} writes,
 * 1-based and inclusive as the CATAIR prints them. Every record is {@value #RECORD_LENGTH} characters; the record type
 * stands in positions 1–2 (one letter for the envelope records A, B, Y and Z). Reader and writer take their positions
 * from here only, so what one writes the other reads back.
 */
final class AeLayout {

    static final int RECORD_LENGTH = 80;

    private AeLayout() {}

    /** A field from position {@code from} to position {@code to}, both included. */
    record Field(int from, int to) {

        int width() {
            return to - from + 1;
        }
    }

    /**
     * Envelope records. A: sender (2–9). B: district/port (2–5), filer code (6–8), application id "AE" (9–10). Y
     * repeats the port and filer of its B, Z the sender of its A.
     */
    static final class Envelope {
        static final Field SENDER = new Field(2, 9);
        static final Field PORT = new Field(2, 5);
        static final Field FILER = new Field(6, 8);
        static final Field APPLICATION = new Field(9, 10);

        private Envelope() {}
    }

    /** Record 10, header control. */
    static final class Header10 {
        static final Field ACTION = new Field(3, 3);
        static final Field FILER = new Field(4, 6);
        static final Field ENTRY = new Field(9, 16);
        static final Field PORT = new Field(18, 21);
        static final Field ENTRY_TYPE = new Field(34, 35);
        static final Field MODE_OF_TRANSPORT = new Field(36, 37);
        static final Field POST_SUMMARY_CORRECTION = new Field(65, 65);

        private Header10() {}
    }

    /**
     * Record 11, header content. The estimated entry date is the entry date; the import date is the day the goods
     * arrived, on or before the entry date. No record carries a summary date: an AE transaction is a summary filed on
     * the day it is received.
     */
    static final class Header11 {
        static final Field IMPORTER = new Field(3, 14);
        static final Field ENTRY_DATE = new Field(42, 47);
        static final Field IMPORT_DATE = new Field(48, 53);

        private Header11() {}
    }

    /** Record 31, bond: type code 8 continuous, 9 single transaction, 0 none. */
    static final class Bond31 {
        static final Field TYPE = new Field(3, 3);

        private Bond31() {}
    }

    /** Record 40, line item header. */
    static final class Line40 {
        static final Field LINE_ID = new Field(5, 7);
        static final Field COUNTRY_OF_ORIGIN = new Field(9, 10);
        static final Field COUNTRY_OF_EXPORT = new Field(11, 12);
        static final Field GROSS_WEIGHT = new Field(42, 51);
        static final Field RELATED_PARTY = new Field(56, 56);

        private Line40() {}
    }

    /** Record 44, commercial description. */
    static final class Description44 {
        static final Field TEXT = new Field(3, 72);

        private Description44() {}
    }

    /** Record 47, article party; type M carries the manufacturer id. */
    static final class Party47 {
        static final String MANUFACTURER = "M";
        static final Field TYPE = new Field(3, 3);
        static final Field IDENTIFIER = new Field(4, 18);

        private Party47() {}
    }

    /** Record 50, tariff, value and quantity: duty in cents, value in whole dollars, quantity in hundredths. */
    static final class Tariff50 {
        static final Field HTS = new Field(3, 12);
        static final Field DUTY = new Field(14, 23);
        static final Field VALUE = new Field(25, 34);
        static final Field QUANTITY = new Field(36, 47);
        static final Field UNIT = new Field(48, 50);

        private Tariff50() {}
    }

    /** Record 53, AD/CVD case: case number without hyphens and the deposit in cents. */
    static final class Adcvd53 {
        static final Field CASE_NUMBER = new Field(3, 12);
        static final Field DEPOSIT = new Field(47, 56);

        private Adcvd53() {}
    }

    /**
     * Record 62, line user fees: {@value #PAIRS} pairs of a 3-character class code and a 10-digit amount in cents,
     * the first pair at positions 3–5 and 6–15, each next pair 13 positions further (16–18/19–28, ..., 68–70/71–80).
     */
    static final class Fees62 {
        static final int PAIRS = 6;
        private static final int FIRST = 3;
        private static final int CLASS_WIDTH = 3;
        private static final int AMOUNT_WIDTH = 10;

        private Fees62() {}

        static Field classCode(int pair) {
            int from = FIRST + pair * (CLASS_WIDTH + AMOUNT_WIDTH);
            return new Field(from, from + CLASS_WIDTH - 1);
        }

        static Field amount(int pair) {
            int from = FIRST + pair * (CLASS_WIDTH + AMOUNT_WIDTH) + CLASS_WIDTH;
            return new Field(from, from + AMOUNT_WIDTH - 1);
        }
    }

    /** Record 90, grand totals: total duty and total user fees, both in cents. */
    static final class Totals90 {
        static final Field DUTY = new Field(3, 14);
        static final Field FEES = new Field(15, 26);

        private Totals90() {}
    }
}
