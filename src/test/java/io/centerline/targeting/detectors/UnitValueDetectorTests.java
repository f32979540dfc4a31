package io.centerline.targeting.detectors;

import static io.centerline.targeting.detectors.Entries.entry;
import static io.centerline.targeting.detectors.Entries.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.targeting.Finding;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UnitValueDetectorTests {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 2);
    private static final String EXTRUSIONS = "7604291010";

    private final UnitValueDetector detector = new UnitValueDetector();

    /** Peers of 7604.29.1010 from CN with unit values spread evenly (in logs) from 2.8 to 3.6 USD per kg. */
    private void learnPeers(int count, String origin) {
        for (int i = 0; i < count; i++) {
            double unitValue = 2.8 * Math.pow(3.6 / 2.8, i / (double) (count - 1));
            detector.learn(entry("IMP-" + i, DATE, line(EXTRUSIONS, origin).unitValue(unitValue)));
        }
    }

    @Test
    void unitValueFarBelowPeersIsFound() {
        learnPeers(30, "CN");

        List<Finding> findings =
                detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("unit-value");
            assertThat(finding.source()).isEqualTo(Finding.Source.DETECTOR);
            assertThat(finding.lineNumber()).isEqualTo(1);
            assertThat(finding.reason())
                    .startsWith("unit value 0.41 USD per KG against a median of 3.1")
                    .contains("for 7604.29.1010 from CN (30 earlier lines; ")
                    .contains("robust deviations below; 13% of the median)");
            assertThat(finding.tradeReason())
                    .isEqualTo("The declared value of line 1 (HTS 7604.29.1010 from CN) is under review.")
                    .doesNotContain("median", "deviation");
            assertThat(finding.strength()).isBetween(0.5, 0.95);
        });
    }

    @Test
    void aLineDeclaringNoValueForItsQuantityLiesBelowEveryPeerAndIsFoundAtFullStrength() {
        learnPeers(30, "CN");

        List<Finding> findings = detector.examineAndLearn(
                entry("IMP-X", DATE, line(EXTRUSIONS, "CN").valueAndQuantity(0, 1_000)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.reason())
                    .startsWith("unit value 0.00 USD per KG against a median of 3.1")
                    .contains("(30 earlier lines; no value declared; 0% of the median)");
            assertThat(finding.tradeReason())
                    .isEqualTo("The declared value of line 1 (HTS 7604.29.1010 from CN) is under review.");
            assertThat(finding.strength()).isEqualTo(0.95);
        });
        assertThat(detector.examine(entry("IMP-Y", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .as("the zero is not learnt as a price")
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason()).contains("(30 earlier lines; "));
    }

    @Test
    void aLineDeclaringAValueForAQuantityOfZeroIsFoundSinceItGivesNoUnitValueToCompare() {
        learnPeers(30, "CN");

        List<Finding> findings = detector.examineAndLearn(
                entry("IMP-X", DATE, line(EXTRUSIONS, "CN").valueAndQuantity(10, 0)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.reason())
                    .startsWith(
                            "a value of 10.00 USD for a quantity of 0 KG, so no unit value to compare with the median"
                                    + " of 3.1")
                    .endsWith("for 7604.29.1010 from CN (30 earlier lines)");
            assertThat(finding.strength()).isEqualTo(0.5);
        });
        assertThat(detector.examine(entry("IMP-Y", DATE, line(EXTRUSIONS, "CN").valueAndQuantity(0, 0))))
                .as("a line declaring neither value nor quantity gives nothing to judge")
                .isEmpty();
    }

    @Test
    void aLineWithoutValueOrQuantityIsNotJudgedBeforeItsPeerGroupIsLargeEnough() {
        learnPeers(5, "CN");

        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").valueAndQuantity(0, 1_000))))
                .isEmpty();
        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").valueAndQuantity(10, 0))))
                .isEmpty();
    }

    @Test
    void aRunOfUndervaluedFilingsDoesNotBecomeThePriceItIsJudgedBy() {
        learnPeers(30, "CN");

        // 300 lines from 30 new importers at a third of the price: each is found, none is learnt
        for (int i = 0; i < 300; i++) {
            assertThat(detector.examineAndLearn(entry(
                            "FLOOD-" + i % 30, DATE, line(EXTRUSIONS, "CN").unitValue(1.05))))
                    .as("flooding line %d", i)
                    .hasSize(1);
        }

        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .singleElement()
                .satisfies(finding ->
                        assertThat(finding.reason()).contains("against a median of 3.1", "(30 earlier lines; "));
    }

    @Test
    void linesWithinTheSpreadMoveThePeersMedianAsPricesMove() {
        learnPeers(30, "CN");

        for (int i = 0; i < 200; i++) {
            detector.learn(entry("IMP-" + i, DATE, line(EXTRUSIONS, "CN").unitValue(2.6)));
        }

        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason()).contains("against a median of 2.6"));
    }

    @Test
    void fewPeersSayNothing() {
        learnPeers(9, "CN");

        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .isEmpty();
    }

    @Test
    void peersOfAnotherOriginDoNotCount() {
        learnPeers(30, "VN");

        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .isEmpty();
    }

    @Test
    void unitValueWithinThePeersSpreadIsNotFound() {
        learnPeers(30, "CN");

        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(2.7))))
                .isEmpty();
    }

    @Test
    void unitValueInAnotherUnitIsNotComparedWithPeers() {
        learnPeers(30, "CN");

        assertThat(detector.examine(entry(
                        "IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41).unit("NO"))))
                .isEmpty();
    }

    @Test
    void relatedPartiesNeedFewerRobustDeviations() {
        for (int i = 0; i < 20; i++) {
            double log = i % 2 == 0 ? -0.247 : 0.247;
            detector.learn(entry("IMP-" + i, DATE, line(EXTRUSIONS, "CN").unitValue(3 * Math.exp(log))));
        }
        // 40% of the median of 3.00 lies 2.5 robust deviations below it: enough between related parties only

        assertThat(detector.examine(entry(
                        "IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(1.2).relatedParty())))
                .singleElement()
                .satisfies(finding ->
                        assertThat(finding.reason()).contains("2.5 robust deviations below", "related party"));
        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(1.2))))
                .isEmpty();
    }

    @Test
    void switchedOffItFindsNothingButGoesOnLearning() {
        detector.switchOn(false);
        learnPeers(30, "CN");

        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .isEmpty();

        detector.switchOn(true);
        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .hasSize(1);
    }

    @Test
    void raisedPeerCountSilencesIt() {
        learnPeers(30, "CN");

        detector.tune(Map.of("minPeers", 31.0));

        assertThat(detector.thresholdValues()).containsEntry("minPeers", 31.0);
        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .isEmpty();
    }

    @Test
    void thresholdOutsideItsBoundsOrUnknownIsRefusedWhole() {
        assertThatThrownBy(() -> detector.tune(Map.of("minPeers", 15.0, "maxShareOfMedian", 1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxShareOfMedian must lie within [0.01, 1], not 1.5");
        assertThatThrownBy(() -> detector.tune(Map.of("zScore", 3.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no threshold 'zScore'");
        assertThat(detector.thresholdValues()).containsEntry("minPeers", 10.0);
    }

    @Test
    void concurrentLearningLosesNoPeer() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            threads.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    detector.learn(entry("IMP", DATE, line(EXTRUSIONS, "CN").unitValue(3.0 + (i % 7) * 0.05)));
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(detector.examine(entry("IMP-X", DATE, line(EXTRUSIONS, "CN").unitValue(0.41))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason()).contains("(2000 earlier lines;"));
    }
}
