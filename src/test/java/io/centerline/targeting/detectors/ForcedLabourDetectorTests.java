package io.centerline.targeting.detectors;

import static io.centerline.targeting.detectors.Entries.entry;
import static io.centerline.targeting.detectors.Entries.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForcedLabourDetectorTests {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 2);
    private static final String COTTON_YARN = "5205120000";

    private final ForcedLabourDetector detector = new ForcedLabourDetector();

    ForcedLabourDetectorTests() {
        detector.useLists(List.of(list(1, LocalDate.of(2022, 6, 21), """
                name,country,sector,note
                Xinjiang Example Cotton Co,CN,cotton,fictional
                Urumqi Demo Polysilicon Co,CN,polysilicon,fictional
                """)));
    }

    private static ForcedLabourList list(int version, LocalDate effectiveFrom, String csv) {
        return new ForcedLabourList(
                version, effectiveFrom, Instant.EPOCH, "admin", "test", EntityListCsv.read(new StringReader(csv)));
    }

    @Test
    void misspelledListedEntityIsMatched() {
        var findings = detector.examine(
                entry("IMP", DATE, line(COTTON_YARN, "CN").soldBy("XINJANG EXAMPEL COTTON CO., LTD.")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("forced-labour");
            assertThat(finding.reason())
                    .startsWith("seller \"XINJANG EXAMPEL COTTON CO., LTD.\" matches listed entity Xinjiang Example"
                            + " Cotton Co (CN, cotton; list version 1 in force from 2022-06-21), similarity 0.9");
            assertThat(finding.tradeReason())
                    .isEqualTo("The supply chain of the goods on line 1 is under review for the forced-labour import"
                            + " prohibitions (19 U.S.C. 1307 and the Uyghur Forced Labor Prevention Act).");
        });
    }

    @Test
    void reorderedNameWithLegalFormIsMatched() {
        assertThat(detector.examine(
                        entry("IMP", DATE, line(COTTON_YARN, "CN").madeBy("Example Cotton Xinjiang Company Limited"))))
                .hasSize(1);
    }

    @Test
    void unrelatedNameIsNotMatched() {
        assertThat(detector.examine(
                        entry("IMP", DATE, line(COTTON_YARN, "CN").soldBy("Jinlong Global Household Products Co Ltd"))))
                .isEmpty();
        assertThat(detector.examine(
                        entry("IMP", DATE, line(COTTON_YARN, "CN").soldBy("Xinhua Example Garment Trading Co"))))
                .isEmpty();
    }

    @Test
    void manufacturerIdOfAListedEntityIsMatched() {
        assertThat(detector.examine(entry("IMP", DATE, line(COTTON_YARN, "CN").madeBy("CNXINEXA123XIN"))))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.reason())
                            .isEqualTo("manufacturer MID \"CNXINEXA123XIN\" matches listed entity Xinjiang Example"
                                    + " Cotton Co (CN, cotton; list version 1 in force from 2022-06-21): name letters"
                                    + " XINEXA against XINEXA, similarity 1.00");
                    assertThat(finding.strength()).isLessThan(0.9);
                });
    }

    @Test
    void manufacturerIdOfAnotherCountryOrMakerIsNotMatched() {
        assertThat(detector.examine(entry("IMP", DATE, line(COTTON_YARN, "VN").madeBy("VNXINEXA123HAN"))))
                .isEmpty();
        assertThat(detector.examine(entry("IMP", DATE, line(COTTON_YARN, "CN").madeBy("CNXINEAS12SHA"))))
                .isEmpty();
    }

    @Test
    void theListInForceOnTheEntryDateDecides() {
        detector.useLists(List.of(
                list(1, LocalDate.of(2022, 6, 21), "name,country\nXinjiang Example Cotton Co,CN\n"),
                list(2, LocalDate.of(2026, 1, 1), "name,country\nHami Imaginary Silicon Materials Co,CN\n")));

        assertThat(detector.examine(entry(
                        "IMP",
                        LocalDate.of(2025, 12, 31),
                        line(COTTON_YARN, "CN").madeBy("CNHAMIMA5HAM"))))
                .isEmpty();
        assertThat(detector.examine(entry(
                        "IMP", LocalDate.of(2026, 1, 2), line(COTTON_YARN, "CN").madeBy("CNHAMIMA5HAM"))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason()).contains("list version 2 in force from 2026-01-01"));
        assertThat(detector.examine(entry(
                        "IMP", LocalDate.of(2026, 1, 2), line(COTTON_YARN, "CN").madeBy("CNXINEXA123XIN"))))
                .isEmpty();
    }

    @Test
    void entriesBeforeAnyListAreNotExamined() {
        assertThat(detector.examine(entry(
                        "IMP", LocalDate.of(2021, 1, 4), line(COTTON_YARN, "CN").madeBy("CNXINEXA123XIN"))))
                .isEmpty();
    }
}
