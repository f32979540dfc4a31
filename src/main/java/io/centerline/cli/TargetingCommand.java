package io.centerline.cli;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.model.DeclarationsDataset;
import io.centerline.targeting.model.Evaluation;
import io.centerline.targeting.model.LabelledDeclaration;
import io.centerline.targeting.model.ModelParameters;
import io.centerline.targeting.model.ModelTrainer;
import io.centerline.targeting.model.RiskModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The risk model on files, without the service or a database: train the product's own pipeline and model on a file of
 * the public customs declarations format and score another, evaluate scores against labels, and measure the model on
 * the generator's planted patterns.
 */
@Command(
        name = "targeting",
        mixinStandardHelpOptions = true,
        description = "Train, score and evaluate the risk model on files.",
        subcommands = {TargetingCommand.ScoreDataset.class, TargetingCommand.Evaluate.class, GeneratedEvaluation.class})
class TargetingCommand implements Runnable {

    static final int BATCH = 10_000;

    @Override
    public void run() {
        System.out.println("Use: targeting score-dataset | evaluate | evaluate-generated (--help for each)");
    }

    /** The booster's settings, each defaulting to the tuned value. */
    static class Tuning {

        @Option(names = "--trees", description = "Boosting rounds (default: ${DEFAULT-VALUE})")
        int trees = ModelParameters.defaults().trees();

        @Option(names = "--depth", description = "Deepest tree (default: ${DEFAULT-VALUE})")
        int depth = ModelParameters.defaults().maxDepth();

        @Option(names = "--learning-rate", description = "Shrinkage per tree (default: ${DEFAULT-VALUE})")
        double learningRate = ModelParameters.defaults().learningRate();

        @Option(names = "--threads", description = "XGBoost threads (default: ${DEFAULT-VALUE})")
        int threads = ModelParameters.defaults().threads();

        @Option(names = "--model-seed", description = "The booster's random seed (default: ${DEFAULT-VALUE})")
        long seed = ModelParameters.defaults().seed();

        ModelParameters parameters(double holdOutShare) {
            ModelParameters d = ModelParameters.defaults();
            return new ModelParameters(
                    trees,
                    depth,
                    learningRate,
                    d.subsample(),
                    d.columnSample(),
                    d.minChildWeight(),
                    threads,
                    seed,
                    holdOutShare);
        }
    }

    /** Where the model learns from: a training file and, optionally, a later validation file. */
    static class Sources {

        @Option(
                names = "--train",
                required = true,
                description = "Labelled training file (customs declarations format)")
        Path train;

        @Option(
                names = "--valid",
                description = "Labelled later file: the model is measured on it, then trained again on both files")
        Path valid;
    }

    /**
     * Trains on the training file (and the validation file, when given) and returns the model that scores new rows.
     * With a validation file, a first model trained on the training file alone is measured on it, tree count by tree
     * count; the model returned is trained on both, the more recent rows included.
     */
    static RiskModel train(Sources sources, Tuning tuning) throws IOException {
        List<DeclarationsDataset.Row> trainingRows = read(sources.train, DeclarationsDataset.Purpose.TRAINING);
        DeclarationsDataset.requireLearnable(trainingRows, sources.train.toString());
        List<LabelledDeclaration> training = labelled(trainingRows);
        if (sources.valid == null) {
            System.err.printf(
                    "Training on %d rows of %s (the latest 15%% by date held out for the card)%n",
                    training.size(), sources.train);
            RiskModel model = fit(training, tuning.parameters(0.15));
            printHoldOut(model);
            return model;
        }
        List<LabelledDeclaration> validation = labelled(read(sources.valid, DeclarationsDataset.Purpose.TRAINING));
        System.err.printf(
                "Measuring on %s: a model trained on the %d rows of %s scores its %d rows%n",
                sources.valid, training.size(), sources.train, validation.size());
        Map<Integer, Evaluation> byTrees;
        try (TrainingProgress progress = new TrainingProgress()) {
            ModelTrainer trainer = new ModelTrainer(tuning.parameters(0), progress);
            byTrees = trainer.evaluateByTrees(
                    training, validation, DeclarationsDataset.CURRENCY, Math.max(1, tuning.trees / 6));
        }
        System.out.println("Validation (" + sources.valid.getFileName() + ") by number of trees:");
        byTrees.forEach((trees, evaluation) -> System.out.println(summary("  trees " + trees, evaluation)));
        List<LabelledDeclaration> both = new ArrayList<>(training);
        both.addAll(validation);
        System.err.printf("Training the final model on both files: %d rows%n", both.size());
        return fit(both, tuning.parameters(0));
    }

    static RiskModel fit(List<LabelledDeclaration> rows, ModelParameters parameters) {
        try (TrainingProgress progress = new TrainingProgress()) {
            return new ModelTrainer(parameters, progress).train(rows, DeclarationsDataset.CURRENCY);
        }
    }

    static void printHoldOut(RiskModel model) {
        var holdOut = model.card().holdOut();
        if (holdOut != null) {
            System.out.printf(
                    "Time-ordered hold-out (%s to %s, model trained to %s):%n%s",
                    holdOut.from(),
                    holdOut.to(),
                    holdOut.trainedTo(),
                    holdOut.evaluation().toText());
        }
    }

    static List<LabelledDeclaration> labelled(List<DeclarationsDataset.Row> rows) {
        return rows.stream().map(DeclarationsDataset.Row::labelled).toList();
    }

    static List<DeclarationsDataset.Row> read(Path file, DeclarationsDataset.Purpose purpose) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("Cannot read " + file);
        }
        long started = System.nanoTime();
        List<DeclarationsDataset.Row> rows = DeclarationsDataset.read(file, purpose);
        System.err.printf("Read %d rows from %s in %.1f s%n", rows.size(), file, (System.nanoTime() - started) / 1e9);
        return rows;
    }

    /** Scores rows in batches of {@value #BATCH}, one matrix per batch. */
    static double[] score(RiskModel model, List<DeclarationsDataset.Row> rows) {
        double[] scores = new double[rows.size()];
        try (var bar = Progress.bar("scoring", rows.size(), "rows", 1)) {
            for (int from = 0; from < rows.size(); from += BATCH) {
                int to = Math.min(rows.size(), from + BATCH);
                List<Declaration> batch = rows.subList(from, to).stream()
                        .map(DeclarationsDataset.Row::declaration)
                        .toList();
                System.arraycopy(model.score(batch), 0, scores, from, to - from);
                bar.stepTo(to);
            }
        }
        return scores;
    }

    static void writeScores(Path out, List<DeclarationsDataset.Row> rows, double[] scores) throws IOException {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            writer.print("Declaration ID,score\n");
            for (int i = 0; i < rows.size(); i++) {
                writer.print(rows.get(i).id());
                writer.print(',');
                writer.print(scores[i]);
                writer.print('\n');
            }
        }
    }

    static String summary(String label, Evaluation evaluation) {
        StringBuilder text = new StringBuilder(label);
        for (Evaluation.Cut cut : evaluation.cuts()) {
            text.append(String.format(Locale.ROOT, "  p@%s%% %.4f", trimmed(cut.percent()), cut.precision()));
        }
        for (Evaluation.Cut cut : evaluation.cuts()) {
            text.append(String.format(Locale.ROOT, "  r@%s%% %.4f", trimmed(cut.percent()), cut.recall()));
        }
        return text.append(String.format(Locale.ROOT, "  AUC %.4f", evaluation.auc()))
                .toString();
    }

    private static String trimmed(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }

    static double[] percents(List<Double> given) {
        return given == null || given.isEmpty()
                ? Evaluation.STANDARD_PERCENTS
                : given.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Command(
            name = "score-dataset",
            mixinStandardHelpOptions = true,
            description = "Train on labelled file(s) in the customs declarations format and score another file:"
                    + " writes 'Declaration ID,score' for every input row, higher meaning riskier. A training file needs"
                    + " the Fraud label and the Date of every row, and at least "
                    + DeclarationsDataset.MIN_TRAINING_ROWS
                    + " rows with "
                    + DeclarationsDataset.MIN_TRAINING_ROWS_PER_LABEL
                    + " of each label; a blank value of the input is read as not declared.")
    static class ScoreDataset implements Callable<Integer> {

        @Mixin
        Sources sources;

        @Option(names = "--input", required = true, description = "The rows to score (label columns optional)")
        Path input;

        @Option(names = "--out", required = true, description = "The scores file to write")
        Path out;

        @Option(names = "--save-model", description = "Also write the trained model (pipeline and trees) here")
        Path saveModel;

        @Mixin
        Tuning tuning;

        @Override
        public Integer call() throws IOException {
            long started = System.nanoTime();
            List<DeclarationsDataset.Row> rows = read(input, DeclarationsDataset.Purpose.SCORING);
            RiskModel model = train(sources, tuning);
            double[] scores = score(model, rows);
            writeScores(out, rows, scores);
            if (saveModel != null) {
                Files.write(saveModel, model.toBytes());
            }
            System.out.printf(
                    "Wrote %d scores to %s in %.1f s (peak heap %d MB)%n",
                    rows.size(), out, (System.nanoTime() - started) / 1e9, PeakHeap.megabytes());
            return 0;
        }
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description = "Print precision@n%% and recall@n%% on a labelled file: of a scores file (--scores), or of a"
                    + " model trained here (--train [--valid]) and scoring it.")
    static class Evaluate implements Callable<Integer> {

        @Option(names = "--labels", required = true, description = "The labelled file (with a Fraud column)")
        Path labels;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        /** Either scores already written, or training files. */
        static class Source {
            @Option(names = "--scores", description = "A scores file ('Declaration ID,score') to evaluate")
            Path scores;

            @ArgGroup(exclusive = false)
            Sources training;
        }

        @Option(names = "--out", description = "With --train: also write the scores here")
        Path out;

        @Option(names = "--at", split = ",", description = "Inspection shares in percent (default: 1,2,5,10)")
        List<Double> at;

        @Mixin
        Tuning tuning;

        @Override
        public Integer call() throws IOException {
            long started = System.nanoTime();
            List<DeclarationsDataset.Row> rows = read(labels, DeclarationsDataset.Purpose.EVALUATION);
            double[] scores;
            if (source.scores != null) {
                scores = scoresFor(rows, readScores(source.scores));
            } else {
                RiskModel model = train(source.training, tuning);
                scores = score(model, rows);
                if (out != null) {
                    writeScores(out, rows, scores);
                }
            }
            boolean[] findings = new boolean[rows.size()];
            for (int i = 0; i < findings.length; i++) {
                findings[i] = rows.get(i).labelled().finding();
            }
            Evaluation evaluation = Evaluation.of(scores, findings, percents(at));
            System.out.println("Evaluation on " + labels + ":");
            System.out.print(evaluation.toText("declarations"));
            System.out.printf(
                    "Done in %.1f s (peak heap %d MB)%n", (System.nanoTime() - started) / 1e9, PeakHeap.megabytes());
            return 0;
        }

        private static Map<String, Double> readScores(Path file) throws IOException {
            Map<String, Double> scores = new HashMap<>();
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser parser = CSVParser.parse(reader, format)) {
                List<String> missing = List.of("Declaration ID", "score").stream()
                        .filter(column -> !parser.getHeaderNames().contains(column))
                        .toList();
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException(file + " line 1: no column '" + String.join("', '", missing)
                            + "'; a scores file has the columns Declaration ID, score");
                }
                for (CSVRecord record : parser) {
                    long line = parser.getCurrentLineNumber();
                    String id = record.isSet("Declaration ID") ? record.get("Declaration ID") : "";
                    String score = record.isSet("score") ? record.get("score") : "";
                    double value;
                    try {
                        value = Double.parseDouble(score);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                file + " line " + line + ": score '" + score + "' is not a number");
                    }
                    if (scores.put(id, value) != null) {
                        throw new IllegalArgumentException(
                                file + " line " + line + ": declaration " + id + " is scored twice");
                    }
                }
            }
            return scores;
        }

        private static double[] scoresFor(List<DeclarationsDataset.Row> rows, Map<String, Double> byId) {
            double[] scores = new double[rows.size()];
            for (int i = 0; i < scores.length; i++) {
                Double score = byId.get(rows.get(i).id());
                if (score == null) {
                    throw new IllegalArgumentException("The scores file has no score for declaration "
                            + rows.get(i).id());
                }
                scores[i] = score;
            }
            return scores;
        }
    }
}
