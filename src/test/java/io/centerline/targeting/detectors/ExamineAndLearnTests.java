package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.targeting.Detector;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scoring examines each entry and learns from it in one pass per detector; that pass finds exactly what examining the
 * entry and then learning from it finds, entry after entry, whether the detector works its keys out once or not.
 */
class ExamineAndLearnTests {

    private static final List<GeneratedEntry> GENERATED = generated();

    @Test
    void everyDetectorFindsInOnePassWhatItFindsExaminingAndThenLearning() {
        List<Detector> twoPasses = DetectorsFindPlantedPatternsTests.detectors();
        List<Detector> onePass = DetectorsFindPlantedPatternsTests.detectors();
        Map<String, Integer> flagged = new HashMap<>();

        for (GeneratedEntry generated : GENERATED) {
            EntryUnderReview entry = GeneratedEntries.underReview(generated);
            for (int d = 0; d < twoPasses.size(); d++) {
                Detector detector = twoPasses.get(d);
                List<Finding> expected = detector.examine(entry);
                detector.learn(entry);

                assertThat(onePass.get(d).examineAndLearn(entry))
                        .as("%s on %s", detector.code(), entry.entryNumber())
                        .isEqualTo(expected);
                flagged.merge(detector.code(), expected.isEmpty() ? 0 : 1, Integer::sum);
            }
        }

        assertThat(flagged.get(UnitValueDetector.CODE)).isGreaterThan(10);
        assertThat(flagged.get(MisclassificationDetector.CODE)).isGreaterThan(10);
    }

    @Test
    void aDetectorSwitchedOffFindsNothingInOnePassButLearnsAsItWouldSwitchedOn() {
        UnitValueDetector on = new UnitValueDetector();
        UnitValueDetector off = new UnitValueDetector();
        MisclassificationDetector misclassificationOn = new MisclassificationDetector();
        MisclassificationDetector misclassificationOff = new MisclassificationDetector();
        off.switchOn(false);
        misclassificationOff.switchOn(false);
        int half = GENERATED.size() / 2;
        for (GeneratedEntry generated : GENERATED.subList(0, half)) {
            EntryUnderReview entry = GeneratedEntries.underReview(generated);
            on.examineAndLearn(entry);
            misclassificationOn.examineAndLearn(entry);
            assertThat(off.examineAndLearn(entry)).isEmpty();
            assertThat(misclassificationOff.examineAndLearn(entry)).isEmpty();
        }
        off.switchOn(true);
        misclassificationOff.switchOn(true);

        for (GeneratedEntry generated : GENERATED.subList(half, GENERATED.size())) {
            EntryUnderReview entry = GeneratedEntries.underReview(generated);
            assertThat(off.examineAndLearn(entry)).isEqualTo(on.examineAndLearn(entry));
            assertThat(misclassificationOff.examineAndLearn(entry))
                    .isEqualTo(misclassificationOn.examineAndLearn(entry));
        }
    }

    private static List<GeneratedEntry> generated() {
        List<GeneratedEntry> generated = new ArrayList<>();
        new EntrySummaryGenerator(GeneratorSettings.of(6_000, 11, LocalDate.of(2026, 6, 30))).forEach(generated::add);
        return generated;
    }
}
