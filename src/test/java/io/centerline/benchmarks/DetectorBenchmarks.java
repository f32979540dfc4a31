package io.centerline.benchmarks;

import io.centerline.cli.GeneratedLines;
import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.targeting.Detector;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import io.centerline.targeting.History;
import io.centerline.targeting.detectors.AdcvdScopeDetector;
import io.centerline.targeting.detectors.MisclassificationDetector;
import io.centerline.targeting.detectors.OriginShiftDetector;
import io.centerline.targeting.detectors.ReferenceOrders;
import io.centerline.targeting.detectors.TradeRemedies;
import io.centerline.targeting.detectors.UnitValueDetector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the learning detectors at scoring time: each examines an entry summary and learns from it, on a stream
 * of 200,000 generated summaries (the bundled AD/CVD orders, default sizes), the first 100,000 learnt in the set-up so
 * that their running statistics are warm. Run as described in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectorBenchmarks {

    private static final int ENTRIES = 200_000;
    private static final int LEARNT_FIRST = 100_000;

    @Param({"unit-value", "misclassification", "origin-shift", "adcvd-scope"})
    public String detector;

    private final List<EntryUnderReview> entries = new ArrayList<>();
    private Detector examined;
    private int next;

    @Setup
    public void learn() {
        GeneratorSettings settings = GeneratorSettings.of(ENTRIES, 7, LocalDate.of(2026, 6, 30));
        for (GeneratedEntry entry : new EntrySummaryGenerator(settings)) {
            entries.add(new EntryUnderReview(
                    entry.summary().entryNumber().replace("-", ""),
                    1,
                    LocalDate.parse(entry.summary().entryDate()),
                    entry.summary().entryType(),
                    null,
                    entry.summary().importerNumber(),
                    entry.summary().entryNumber().substring(0, 3),
                    false,
                    GeneratedLines.of(entry.summary()),
                    History.NONE));
        }
        TradeRemedies remedies = ReferenceOrders.fromReferenceFile();
        examined = switch (detector) {
            case "unit-value" -> new UnitValueDetector();
            case "misclassification" -> new MisclassificationDetector();
            case "origin-shift" -> new OriginShiftDetector(remedies);
            case "adcvd-scope" -> new AdcvdScopeDetector(remedies);
            default -> throw new IllegalArgumentException(detector);
        };
        for (EntryUnderReview entry : entries.subList(0, LEARNT_FIRST)) {
            examined.examineAndLearn(entry);
        }
        next = LEARNT_FIRST;
    }

    /**
     * One entry summary examined and learnt from, in new texts ({@link NewTexts}); the stream starts over at the warm
     * point when it runs out. Less {@link #newEntry}, the cost of making the texts, it is what scoring spends.
     */
    @Benchmark
    public List<Finding> examineAndLearn() {
        return examined.examineAndLearn(newEntry());
    }

    @Benchmark
    public EntryUnderReview newEntry() {
        if (next == ENTRIES) {
            next = LEARNT_FIRST;
        }
        return NewTexts.of(entries.get(next++));
    }
}
