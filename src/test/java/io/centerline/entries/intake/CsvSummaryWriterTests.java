package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvSummaryWriterTests {

    @Test
    void writesTheHeaderThenOneRowPerLineWithHeaderValuesRepeatedAndListsJoinedBySemicolons() {
        StringWriter out = new StringWriter();
        try (CsvSummaryWriter writer = new CsvSummaryWriter(out)) {
            writer.write(SummaryFixtures.twoLineEntry());
        }
        assertThat(out.toString())
                .isEqualTo("entryNumber,entryType,importerNumber,portOfEntry,entryDate,summaryDate,modeOfTransport,"
                        + "bondType,postSummaryCorrection,totalEnteredValue,totalDuty,totalFees,line.lineNumber,"
                        + "line.htsNumber,line.additionalHtsNumbers,line.countryOfOrigin,line.countryOfExport,"
                        + "line.manufacturerId,line.description,line.enteredValue,line.quantity,line.unit,"
                        + "line.grossWeightKg,line.relatedParty,line.dutyAmount,line.adcvdCaseNumber,"
                        + "line.adcvdDeposit,line.fees\n"
                        + "ABC-1234567-6,01,12-345678900,2704,2026-01-15,2026-01-20,11,8,false,125000.00,34375.00,"
                        + "589.25,1,8471300100,9903880300,CN,CN,CNJINGLO128SHE,\"Portable laptop computers, 14 inch\","
                        + "125000.00,500,NO,1250.0,true,31250.00,,,499=433.00;501=156.25\n"
                        + "ABC-1234567-6,01,12-345678900,2704,2026-01-15,2026-01-20,11,8,false,125000.00,34375.00,"
                        + "589.25,2,7604291010,,CN,CN,CNHENSTA55NIN,Aluminium alloy extruded profiles,0.00,10,KG,"
                        + "10.0,false,3125.00,A570967000,3279.00,\n");
    }

    @Test
    void writesOnlyTheHeaderWhenNothingIsWritten() {
        StringWriter out = new StringWriter();
        new CsvSummaryWriter(out).close();
        assertThat(out.toString()).startsWith("entryNumber,").endsWith(",line.fees\n");
    }
}
