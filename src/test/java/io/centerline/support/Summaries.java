package io.centerline.support;

import io.centerline.entries.EntryNumber;

/** JSON entry summaries for the HTTP tests, built from the example of the intake specification. */
public final class Summaries {

    private Summaries() {}

    /** A valid entry number with a fresh serial under a filer code. */
    public static String entryNumber(String filerCode) {
        return EntryNumber.of(filerCode, ApiTest.freshSerial()).formatted();
    }

    /** The laptop entry of the specification: one line of 8471.30.0100 from Vietnam worth $125,000, by vessel. */
    public static String laptops(String entryNumber, String importer) {
        return summary(
                entryNumber,
                "01",
                importer,
                "2026-03-02",
                "2026-03-12",
                false,
                line(1, "8471300100", "125000.00", null));
    }

    public static String summary(
            String entryNumber,
            String entryType,
            String importer,
            String entryDate,
            String summaryDate,
            boolean psc,
            String... lines) {
        return """
                {"entryNumber": "%s", "entryType": "%s", "importerNumber": "%s", "portOfEntry": "2704",
                 "entryDate": "%s", "summaryDate": "%s", "modeOfTransport": "11", "postSummaryCorrection": %s,
                 "lines": [%s]}""".formatted(entryNumber, entryType, importer, entryDate, summaryDate, psc, String.join(",", lines));
    }

    /** A summary written on one line, as a line of a newline-delimited JSON batch. */
    public static String oneLine(String json) {
        return json.replace("\n", " ");
    }

    public static String line(int number, String hts, String value, String adcvdCase) {
        return """
                {"lineNumber": %d, "htsNumber": "%s", "countryOfOrigin": "VN", "countryOfExport": "VN",
                 "manufacturerId": "VNSAMELE12HAN", "description": "goods of line %d", "enteredValue": "%s",
                 "quantity": "500", "unit": "NO", "grossWeightKg": "1200", "relatedParty": false,
                 "dutyAmount": "0.00", "adcvdCaseNumber": %s}""".formatted(number, hts, number, value, adcvdCase == null ? "null" : "\"" + adcvdCase + "\"");
    }

    /** An importer number of the employer-number form that no other test uses. */
    public static String importer() {
        String serial = ApiTest.freshSerial();
        return "9" + serial.charAt(6) + "-" + serial + "00";
    }
}
