package io.centerline.targeting.detectors;

import static io.centerline.targeting.detectors.Entries.ALUMINIUM_ORDERS;
import static io.centerline.targeting.detectors.Entries.entry;
import static io.centerline.targeting.detectors.Entries.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.reference.AdcvdOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdcvdScopeDetectorTests {

    private static final String EXTRUSIONS = "7604291010";
    private static final LocalDate DATE = LocalDate.of(2026, 3, 2);

    private final AdcvdScopeDetector detector = new AdcvdScopeDetector(ALUMINIUM_ORDERS);

    @Test
    void typeZeroOneInScopeWithoutCaseIsFound() {
        var findings = detector.examine(entry("01", "IMP", DATE, line("8481804000", "DE"), line(EXTRUSIONS, "CN")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.lineNumber()).isEqualTo(2);
            assertThat(finding.reason())
                    .isEqualTo("7604.29.1010 from CN is within the scope of AD order A-570-967 (aluminum extrusions,"
                            + " in force from 2011-05-26, deposit rate 32.8%) and CVD order C-570-968 (aluminum"
                            + " extrusions, in force from 2011-05-26, deposit rate 7.4%) but was entered as type 01"
                            + " without a case number");
            assertThat(finding.tradeReason())
                    .isEqualTo("Line 2 (HTS 7604.29.1010 from CN) may be subject to antidumping or countervailing"
                            + " duties; its entry type and AD/CVD case number are under review.");
            assertThat(finding.strength()).isEqualTo(0.95);
        });
    }

    @Test
    void typeZeroThreeWithCaseIsNotFlagged() {
        assertThat(detector.examine(
                        entry("03", "IMP", DATE, line(EXTRUSIONS, "CN").adcvdCase("A570967000"))))
                .isEmpty();
    }

    @Test
    void companySpecificCaseOfTheOrderIsNotFlagged() {
        assertThat(detector.examine(
                        entry("03", "IMP", DATE, line(EXTRUSIONS, "CN").adcvdCase("C570968012"))))
                .isEmpty();
    }

    @Test
    void typeZeroThreeLineWithoutCaseIsFoundLessStrongly() {
        assertThat(detector.examine(entry("03", "IMP", DATE, line(EXTRUSIONS, "CN"))))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.reason()).endsWith("; the entry is type 03 but the line carries no case number");
                    assertThat(finding.strength()).isLessThan(0.95);
                });
    }

    @Test
    void caseOfAnotherOrderIsFound() {
        assertThat(detector.examine(
                        entry("03", "IMP", DATE, line(EXTRUSIONS, "CN").adcvdCase("A570979000"))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason())
                        .endsWith("but the line declares case A570979000, which is none of them"));
    }

    @Test
    void goodsOfAnotherOriginAreOutsideTheScope() {
        assertThat(detector.examine(entry("01", "IMP", DATE, line(EXTRUSIONS, "VN"))))
                .isEmpty();
    }

    @Test
    void entriesBeforeTheOrderOrAfterItsRevocationAreOutsideTheScope() {
        assertThat(detector.examine(entry("01", "IMP", LocalDate.of(2011, 5, 25), line(EXTRUSIONS, "CN"))))
                .isEmpty();

        AdcvdScopeDetector revoked = new AdcvdScopeDetector(() -> List.of(new AdcvdOrder(
                "A570967000",
                AdcvdOrder.Kind.AD,
                "Aluminum extrusions",
                "CN",
                List.of("7604"),
                LocalDate.of(2011, 5, 26),
                LocalDate.of(2026, 1, 1),
                new BigDecimal("32.79"))));
        assertThat(revoked.examine(entry("01", "IMP", DATE, line(EXTRUSIONS, "CN"))))
                .isEmpty();
        assertThat(revoked.examine(entry("01", "IMP", LocalDate.of(2025, 12, 31), line(EXTRUSIONS, "CN"))))
                .hasSize(1);
    }
}
