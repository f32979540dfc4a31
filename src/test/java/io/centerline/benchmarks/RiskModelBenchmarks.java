package io.centerline.benchmarks;

import io.centerline.cli.GeneratedLines;
import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.model.Explanation;
import io.centerline.targeting.model.LabelledDeclaration;
import io.centerline.targeting.model.ModelParameters;
import io.centerline.targeting.model.ModelTrainer;
import io.centerline.targeting.model.RiskModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the risk model at scoring time, with the default parameters (300 trees of depth 6) trained on 20,000
 * generated entry summaries: one entry summary's lines in one matrix, a batch of 1,000 lines in one matrix (per
 * line), the features alone of such a batch of lines just read (per line), and one line's explanation. Run as described in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RiskModelBenchmarks {

    private static final int BATCH = 1_000;

    private final List<List<Declaration>> entries = new ArrayList<>();
    private final List<Declaration> lines = new ArrayList<>();
    private RiskModel model;
    private int next;

    @Setup
    public void train() {
        List<LabelledDeclaration> training = new ArrayList<>();
        GeneratorSettings settings = GeneratorSettings.of(20_000, 42, LocalDate.of(2026, 6, 30));
        for (GeneratedEntry entry : new EntrySummaryGenerator(settings)) {
            List<Declaration> entryLines = GeneratedLines.of(entry.summary());
            entryLines.forEach(line -> training.add(new LabelledDeclaration(line, entry.isPlanted())));
            entries.add(entryLines);
            lines.addAll(entryLines);
        }
        model = new ModelTrainer(ModelParameters.defaults().withHoldOutShare(0)).train(training, "USD");
    }

    @Benchmark
    public double[] scoreOneEntrySummary() {
        return model.score(entries.get(next++ % entries.size()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] scoreABatchPerLine() {
        int from = (next++ * BATCH) % (lines.size() - BATCH);
        return model.score(lines.subList(from, from + BATCH));
    }

    /**
     * The feature pipeline alone on a batch of 1,000 lines (per line), each line's texts new as those of a line just
     * read are, so that none carries the hash an earlier lookup worked out. Less {@link #newLinesPerLine}, the cost of
     * making them, it is what scoring spends on features.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public float[] featuresOfNewLinesPerLine() {
        return model.pipeline().transform(newLines());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Declaration> newLinesPerLine() {
        return newLines();
    }

    private List<Declaration> newLines() {
        int from = (next++ * BATCH) % (lines.size() - BATCH);
        List<Declaration> batch = new ArrayList<>(BATCH);
        for (Declaration line : lines.subList(from, from + BATCH)) {
            batch.add(NewTexts.of(line));
        }
        return batch;
    }

    @Benchmark
    public Explanation explainOneLine() {
        return model.explain(lines.get(next++ % lines.size()));
    }
}
