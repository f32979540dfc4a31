package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonlSummaryWriterTests {

    @Test
    void writesOneObjectPerLineWithBooleansLineNumbersAsNumbersMoneyAsStringsAndEmptyArraysAndNullsOmitted() {
        StringWriter out = new StringWriter();
        try (JsonlSummaryWriter writer = new JsonlSummaryWriter(out)) {
            writer.write(SummaryFixtures.twoLineEntry());
            writer.write(SummaryFixtures.twoLineEntry());
        }
        String line = "{\"entryNumber\":\"ABC-1234567-6\",\"entryType\":\"01\",\"importerNumber\":\"12-345678900\","
                + "\"portOfEntry\":\"2704\",\"entryDate\":\"2026-01-15\",\"summaryDate\":\"2026-01-20\","
                + "\"modeOfTransport\":\"11\",\"bondType\":\"8\",\"postSummaryCorrection\":false,"
                + "\"totalEnteredValue\":\"125000.00\",\"totalDuty\":\"34375.00\",\"totalFees\":\"589.25\","
                + "\"lines\":[{\"lineNumber\":1,\"htsNumber\":\"8471300100\",\"additionalHtsNumbers\":[\"9903880300\"],"
                + "\"countryOfOrigin\":\"CN\",\"countryOfExport\":\"CN\",\"manufacturerId\":\"CNJINGLO128SHE\","
                + "\"description\":\"Portable laptop computers, 14 inch\",\"enteredValue\":\"125000.00\","
                + "\"quantity\":\"500\",\"unit\":\"NO\",\"grossWeightKg\":\"1250.0\",\"relatedParty\":true,"
                + "\"dutyAmount\":\"31250.00\",\"fees\":[{\"classCode\":\"499\",\"amount\":\"433.00\"},"
                + "{\"classCode\":\"501\",\"amount\":\"156.25\"}]},"
                + "{\"lineNumber\":2,\"htsNumber\":\"7604291010\",\"countryOfOrigin\":\"CN\",\"countryOfExport\":\"CN\","
                + "\"manufacturerId\":\"CNHENSTA55NIN\",\"description\":\"Aluminium alloy extruded profiles\","
                + "\"enteredValue\":\"0.00\",\"quantity\":\"10\",\"unit\":\"KG\",\"grossWeightKg\":\"10.0\","
                + "\"relatedParty\":false,\"dutyAmount\":\"3125.00\",\"adcvdCaseNumber\":\"A570967000\","
                + "\"adcvdDeposit\":\"3279.00\"}]}\n";
        assertThat(out.toString()).isEqualTo(line + line);
    }
}
