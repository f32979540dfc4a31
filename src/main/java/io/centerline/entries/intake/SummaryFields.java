package io.centerline.entries.intake;

import java.util.List;
import java.util.stream.Stream;

/**
 * The field names of a submitted entry summary, the same in every format: JSON properties, and CSV columns (line
 * fields there under a {@code line.} prefix).
 */
final class SummaryFields {

    /** The scalar fields of the header, in the order CSV writes them. */
    static final List<String> HEADER = List.of(
            "entryNumber",
            "entryType",
            "importerNumber",
            "portOfEntry",
            "entryDate",
            "summaryDate",
            "modeOfTransport",
            "bondType",
            "postSummaryCorrection",
            "totalEnteredValue",
            "totalDuty",
            "totalFees");

    /** The fields of a line item, in the order CSV writes them. */
    static final List<String> LINE = List.of(
            "lineNumber",
            "htsNumber",
            "additionalHtsNumbers",
            "countryOfOrigin",
            "countryOfExport",
            "manufacturerId",
            "description",
            "enteredValue",
            "quantity",
            "unit",
            "grossWeightKg",
            "relatedParty",
            "dutyAmount",
            "adcvdCaseNumber",
            "adcvdDeposit",
            "fees");

    static final String LINE_PREFIX = "line.";

    /** Every CSV column, header fields first. */
    static final List<String> CSV_COLUMNS = Stream.concat(
                    HEADER.stream(), LINE.stream().map(field -> LINE_PREFIX + field))
            .toList();

    private SummaryFields() {}
}
