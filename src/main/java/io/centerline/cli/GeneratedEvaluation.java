package io.centerline.cli;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.demo.generator.IllicitPattern;
import io.centerline.demo.generator.PlantedPattern;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.model.Evaluation;
import io.centerline.targeting.model.LabelledDeclaration;
import io.centerline.targeting.model.ModelTrainer;
import io.centerline.targeting.model.RiskModel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the risk model on the generator's planted illicit patterns: generates entry summaries, treats every entry
 * with a planted pattern as reviewed with a finding and every other as reviewed without one, trains on the entries of
 * the earlier part of the window and ranks the entries of the later part by their riskiest line.
 */
@Command(
        name = "evaluate-generated",
        mixinStandardHelpOptions = true,
        description = "Train on the earlier generated entries and measure precision@n%% on the later ones, against"
                + " the generator's planted patterns.")
class GeneratedEvaluation implements Callable<Integer> {

    @Option(names = "--entries", defaultValue = "60000", description = "Entry summaries (default: ${DEFAULT-VALUE})")
    int entries;

    @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--business-date",
            defaultValue = "2026-11-27",
            description = "The end of the 18 generated months (default: ${DEFAULT-VALUE})")
    LocalDate businessDate;

    @Option(
            names = "--train-share",
            defaultValue = "0.67",
            description = "The share of the date window trained on; the rest is scored (default: ${DEFAULT-VALUE})")
    double trainShare;

    @Option(names = "--at", split = ",", description = "Inspection shares in percent (default: 1,2,5,10)")
    List<Double> at;

    @Mixin
    TargetingCommand.Tuning tuning;

    /** A generated entry as targeting sees it: its lines, whether a pattern was planted and which. */
    record Labelled(LocalDate entryDate, List<Declaration> lines, List<PlantedPattern> patterns) {}

    @Override
    public Integer call() {
        long started = System.nanoTime();
        GeneratorSettings settings = GeneratorSettings.of(entries, seed, businessDate);
        List<Labelled> generated = new ArrayList<>(entries);
        try (ProgressBar bar = Progress.bar("generate", entries, "entries", 1)) {
            for (GeneratedEntry entry : new EntrySummaryGenerator(settings)) {
                generated.add(new Labelled(
                        LocalDate.parse(entry.summary().entryDate()),
                        GeneratedLines.of(entry.summary()),
                        entry.patterns()));
                bar.step();
            }
        }
        generated.sort(Comparator.comparing(Labelled::entryDate));
        long days = ChronoUnit.DAYS.between(settings.firstEntryDate(), settings.lastEntryDate()) + 1;
        LocalDate split = settings.firstEntryDate().plusDays(Math.round(days * trainShare));
        List<LabelledDeclaration> training = new ArrayList<>();
        List<Labelled> later = new ArrayList<>();
        for (Labelled entry : generated) {
            if (entry.entryDate().isBefore(split)) {
                boolean finding = !entry.patterns().isEmpty();
                entry.lines().forEach(line -> training.add(new LabelledDeclaration(line, finding)));
            } else {
                later.add(entry);
            }
        }
        System.err.printf(
                "Training on %d lines of the entries before %s; scoring %d entries from %s to %s%n",
                training.size(), split, later.size(), split, settings.lastEntryDate());
        RiskModel model;
        try (TrainingProgress progress = new TrainingProgress()) {
            model = new ModelTrainer(tuning.parameters(0), progress).train(training, "USD");
        }
        List<Declaration> lines = new ArrayList<>();
        later.forEach(entry -> lines.addAll(entry.lines()));
        double[] lineScores = model.score(lines);
        double[] entryScores = new double[later.size()];
        boolean[] findings = new boolean[later.size()];
        int offset = 0;
        for (int i = 0; i < later.size(); i++) {
            Labelled entry = later.get(i);
            double riskiest = 0;
            for (int j = 0; j < entry.lines().size(); j++) {
                riskiest = Math.max(riskiest, lineScores[offset + j]);
            }
            offset += entry.lines().size();
            entryScores[i] = riskiest;
            findings[i] = !entry.patterns().isEmpty();
        }
        double[] percents = TargetingCommand.percents(at);
        Evaluation evaluation = Evaluation.of(entryScores, findings, percents);
        System.out.println("Entries from " + split + " on, ranked by their riskiest line:");
        System.out.print(evaluation.toText("entries"));
        printByPattern(later, entryScores, percents);
        System.out.printf(
                "Done in %.1f s (peak heap %d MB)%n", (System.nanoTime() - started) / 1e9, PeakHeap.megabytes());
        return 0;
    }

    /** For each planted pattern, the share of its entries within the top n% of all entries. */
    private static void printByPattern(List<Labelled> entries, double[] scores, double[] percents) {
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        Map<IllicitPattern, int[]> found = new EnumMap<>(IllicitPattern.class);
        for (double percent : percents) {
            int inspected = Evaluation.inspected(scores.length, percent);
            double threshold = sorted[sorted.length - inspected];
            for (int i = 0; i < entries.size(); i++) {
                for (PlantedPattern pattern : entries.get(i).patterns()) {
                    int[] counts = found.computeIfAbsent(pattern.type(), k -> new int[percents.length + 1]);
                    if (percent == percents[0]) {
                        counts[percents.length]++;
                    }
                    if (scores[i] >= threshold) {
                        counts[indexOf(percents, percent)]++;
                    }
                }
            }
        }
        System.out.println("Recall by planted pattern (share of its entries in the top n%):");
        found.forEach((pattern, counts) -> {
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "  %-20s %5d entries", pattern.name(), counts[percents.length]));
            for (int p = 0; p < percents.length; p++) {
                line.append(String.format(
                        Locale.ROOT,
                        "  r@%s%% %.3f",
                        percents[p] == Math.rint(percents[p])
                                ? String.valueOf((long) percents[p])
                                : String.valueOf(percents[p]),
                        (double) counts[p] / counts[percents.length]));
            }
            System.out.println(line);
        });
    }

    private static int indexOf(double[] values, double value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
