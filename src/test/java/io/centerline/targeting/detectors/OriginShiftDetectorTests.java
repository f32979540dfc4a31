package io.centerline.targeting.detectors;

import static io.centerline.targeting.detectors.Entries.ALUMINIUM_ORDERS;
import static io.centerline.targeting.detectors.Entries.entry;
import static io.centerline.targeting.detectors.Entries.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.targeting.EntryUnderReview;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OriginShiftDetectorTests {

    private static final String EXTRUSIONS = "7604291010";
    private static final String IMPORTER = "12-345678900";

    private final OriginShiftDetector detector = new OriginShiftDetector(ALUMINIUM_ORDERS);

    private void learn(EntryUnderReview entry) {
        detector.learn(entry);
    }

    @Test
    void originShiftAfterOrderIsFound() {
        learn(entry(IMPORTER, LocalDate.of(2010, 9, 1), line(EXTRUSIONS, "CN").madeBy("CNHENGLO12FOS")));
        learn(entry(IMPORTER, LocalDate.of(2011, 3, 1), line(EXTRUSIONS, "CN").madeBy("CNHENGLO12FOS")));

        var findings = detector.examine(
                entry(IMPORTER, LocalDate.of(2011, 9, 1), line(EXTRUSIONS, "VN").madeBy("VNSAIGLO88HAI")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("origin-shift");
            assertThat(finding.reason())
                    .contains("importer 12-345678900 entered 7604.29 from CN from 2010-09-01 to 2011-03-01, before AD"
                            + " order A-570-967 on 7604.29 from CN (in force from 2011-05-26), and now from VN")
                    .contains("VN is a known transshipment country")
                    .contains("manufacturer \"VNSAIGLO88HAI\" was never seen before");
            assertThat(finding.tradeReason())
                    .isEqualTo("The country of origin declared on line 1 (HTS 7604.29.1010, VN) is under review.");
            assertThat(finding.strength()).isGreaterThanOrEqualTo(0.9);
        });
    }

    @Test
    void originShiftBeforeOrderIsNot() {
        learn(entry(IMPORTER, LocalDate.of(2010, 9, 1), line(EXTRUSIONS, "CN")));

        assertThat(detector.examine(entry(IMPORTER, LocalDate.of(2011, 3, 1), line(EXTRUSIONS, "VN"))))
                .isEmpty();
    }

    @Test
    void originAlreadyDeclaredForTheProductIsNot() {
        learn(entry(IMPORTER, LocalDate.of(2010, 9, 1), line(EXTRUSIONS, "CN")));
        learn(entry(IMPORTER, LocalDate.of(2010, 10, 1), line("7604295090", "VN")));

        assertThat(detector.examine(entry(IMPORTER, LocalDate.of(2012, 3, 1), line(EXTRUSIONS, "VN"))))
                .isEmpty();
    }

    @Test
    void switchAwayFromGoodsEnteredUnderTheOrderCountsOnlyWithATransshipmentCountry() {
        learn(entry(
                "03", IMPORTER, LocalDate.of(2025, 2, 3), line(EXTRUSIONS, "CN").adcvdCase("A570967000")));

        assertThat(detector.examine(entry(IMPORTER, LocalDate.of(2025, 6, 2), line(EXTRUSIONS, "MY"))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason())
                        .contains("from 2025-02-03 to 2025-02-03, under AD order A-570-967")
                        .contains("and now from MY"));
        assertThat(detector.examine(entry(IMPORTER, LocalDate.of(2025, 6, 2), line(EXTRUSIONS, "KR"))))
                .isEmpty();
    }

    @Test
    void newTransshipmentOriginOfAnEstablishedImporterWithANewManufacturerIsFound() {
        for (int i = 0; i < 10; i++) {
            learn(entry(
                    IMPORTER,
                    LocalDate.of(2025, 1, 6).plusDays(i),
                    line("8481804000", "DE").madeBy("DEWEBGLO4STU")));
        }

        assertThat(detector.examine(entry(
                        IMPORTER,
                        LocalDate.of(2025, 3, 3),
                        line(EXTRUSIONS, "TH").madeBy("THSIAGLO9BAN"))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason())
                        .contains("7604.29 from CN is under AD order A-570-967")
                        .contains("TH is absent from all 10 earlier lines of the importer (origins DE)")
                        .contains("manufacturer \"THSIAGLO9BAN\" was never seen before"));
    }

    @Test
    void newOriginOutsideTheTransshipmentCountriesWithoutEarlierGoodsFromTheOrderCountryIsNot() {
        for (int i = 0; i < 10; i++) {
            learn(entry(IMPORTER, LocalDate.of(2025, 1, 6).plusDays(i), line("8481804000", "DE")));
        }

        assertThat(detector.examine(entry(
                        IMPORTER,
                        LocalDate.of(2025, 3, 3),
                        line(EXTRUSIONS, "KR").madeBy("KRHANGLO9SEO"))))
                .isEmpty();
    }

    @Test
    void goodsOfTheOrderCountryItselfAreNoShift() {
        learn(entry(IMPORTER, LocalDate.of(2010, 9, 1), line(EXTRUSIONS, "VN")));

        assertThat(detector.examine(entry(IMPORTER, LocalDate.of(2012, 3, 1), line(EXTRUSIONS, "CN"))))
                .isEmpty();
    }

    @Test
    void goodsUnderNoOrderAreNoShift() {
        learn(entry(IMPORTER, LocalDate.of(2010, 9, 1), line("7306193000", "CN")));

        assertThat(detector.examine(entry(IMPORTER, LocalDate.of(2012, 3, 1), line("7306193000", "VN"))))
                .isEmpty();
    }

    @Test
    void historyPerProductIsKeptForTheProductsAnOrderCoversAndNotCrowdedOutByTheRest() {
        OriginShiftDetector detector =
                new OriginShiftDetector(ALUMINIUM_ORDERS, OriginShiftDetector.TRANSSHIPMENT_COUNTRIES, 16, 1_000);
        detector.learn(entry(IMPORTER, LocalDate.of(2010, 9, 1), line(EXTRUSIONS, "CN")));
        for (int product = 0; product < 2_000; product++) {
            String hts = "85" + String.format("%04d", product) + "0000";
            detector.learn(entry(IMPORTER, LocalDate.of(2011, 1, 3), line(hts, "CN")));
        }

        assertThat(detector.examine(entry(IMPORTER, LocalDate.of(2011, 9, 1), line(EXTRUSIONS, "VN"))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason())
                        .contains(
                                "importer 12-345678900 entered 7604.29 from CN from 2010-09-01 to 2010-09-01, before"));
    }
}
