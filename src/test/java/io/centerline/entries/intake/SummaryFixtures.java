package io.centerline.entries.intake;

import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import java.util.List;

final class SummaryFixtures {

    private SummaryFixtures() {}

    /** A two-line vessel entry: one line with a chapter 99 number and both fees, one with neither. */
    static SubmittedEntrySummary twoLineEntry() {
        return new SubmittedEntrySummary(
                "ABC-1234567-6",
                "01",
                "12-345678900",
                "2704",
                "2026-01-15",
                "2026-01-20",
                "11",
                "8",
                "false",
                "125000.00",
                "34375.00",
                "589.25",
                List.of(
                        new Line(
                                "1",
                                "8471300100",
                                List.of("9903880300"),
                                "CN",
                                "CN",
                                "CNJINGLO128SHE",
                                "Portable laptop computers, 14 inch",
                                "125000.00",
                                "500",
                                "NO",
                                "1250.0",
                                "true",
                                "31250.00",
                                null,
                                null,
                                List.of(new Fee("499", "433.00"), new Fee("501", "156.25"))),
                        new Line(
                                "2",
                                "7604291010",
                                List.of(),
                                "CN",
                                "CN",
                                "CNHENSTA55NIN",
                                "Aluminium alloy extruded profiles",
                                "0.00",
                                "10",
                                "KG",
                                "10.0",
                                "false",
                                "3125.00",
                                "A570967000",
                                "3279.00",
                                List.of())));
    }
}
