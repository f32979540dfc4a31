package io.centerline.cli;

import io.centerline.demo.DemoReviews;
import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.entries.EntrySummaryIntake;
import io.centerline.entries.intake.IntakeFormat;
import io.centerline.entries.intake.SummaryReader;
import io.centerline.entries.intake.SummaryWriter;
import io.centerline.identity.Users;
import io.centerline.platform.EmbeddedDatabase;
import io.centerline.targeting.Outcomes;
import io.centerline.targeting.model.ModelCard;
import io.centerline.targeting.model.RiskModels;
import io.centerline.targeting.model.TrainingOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import me.tongfei.progressbar.ProgressBar;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Measures the whole intake path (parse, validate, route, compute fees and clocks, store) on generated entry
 * summaries, then a raw PostgreSQL {@code COPY} of the very rows intake stored into tables of the same shape and
 * indexes (three rounds, of which the median counts), and prints {@code RESULT intake_eps=<n> copy_eps=<n>
 * ratio=<r>}. With {@code --with-scoring}, targeting scores every accepted summary within intake, as it does in
 * service, and the clock stops when the last is scored. Scoring then uses a risk model, as the service does once it
 * has review outcomes to learn from: the first {@value Ingest#REVIEWED_SHARE_PERCENT}% of the warm-up are reviewed as
 * the demo data set's history is (the generator's labels say what a review finds), a model is trained on them and
 * activated, and the rest of the warm-up is scored with it.
 *
 * <p>The target is a rate sustained for hours (a year of U.S. volume in under an hour), so the clock measures a
 * service that has been running: a warm-up of further summaries from the same generated stream goes through the same
 * path first, untimed, while the JVM compiles it, and the timed summaries are the ones after it. The warm-up's own
 * rate is printed too, and {@code --warm-up 0} measures from a cold start. It runs on an embedded server of its own
 * under a temporary directory, so it never touches stored data.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks.",
        subcommands = BenchCommand.Ingest.class)
class BenchCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Use: bench ingest --entries N");
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Measure intake against a raw COPY.")
    static class Ingest implements Callable<Integer> {

        private static final String WARM_UP_ACTOR = "warm-up";
        private static final String TIMED_ACTOR = "intake";
        private static final int BASELINE_ROUNDS = 3;
        /** The share of the warm-up reviewed for the model to learn from, when scoring. */
        static final int REVIEWED_SHARE_PERCENT = 60;

        @Option(
                names = "--entries",
                defaultValue = "1000000",
                description = "How many entry summaries (default: ${DEFAULT-VALUE})")
        int entries;

        @Option(
                names = "--warm-up",
                defaultValue = "250000",
                description = "Summaries filed through the same path before the clock starts, while the JVM compiles"
                        + " it; their rows are not part of the COPY baseline (default: ${DEFAULT-VALUE}; 0 measures"
                        + " from a cold start)")
        int warmUp;

        @Option(names = "--seed", defaultValue = "7")
        long seed;

        @Option(
                names = "--format",
                defaultValue = "jsonl",
                description = "The form intake reads: jsonl, csv or catair-ae")
        String format;

        @Option(
                names = "--work-dir",
                description = "Where the generated file and the database go (default: a temporary directory)")
        Path workDir;

        @Option(
                names = "--with-scoring",
                description = "Score every accepted summary within intake, as the service does (default: the intake"
                        + " path alone: parse, validate, route, clocks, store)")
        boolean withScoring;

        @Option(
                names = "--no-model",
                description = "With --with-scoring, score with rules and detectors only, as a service with no"
                        + " trained model does (default: a model trained on reviews of part of the warm-up)")
        boolean noModel;

        @Parameters(arity = "0..*", hidden = true)
        String[] ignored;

        @Override
        public Integer call() throws Exception {
            Path work =
                    workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("centerline-bench");
            IntakeFormat intakeFormat = IntakeFormat.parse(format);
            LocalDate businessDate = LocalDate.of(2026, 11, 27);
            Path reviewedInput = work.resolve("warm-up-reviewed." + intakeFormat.cliName());
            Path warmUpInput = work.resolve("warm-up." + intakeFormat.cliName());
            Path input = work.resolve("entries." + intakeFormat.cliName());
            int reviewed = withScoring && !noModel ? (int) ((long) warmUp * REVIEWED_SHARE_PERCENT / 100) : 0;
            List<DemoReviews.Reviewable> reviewable =
                    generate(reviewedInput, reviewed, warmUpInput, input, intakeFormat, businessDate);
            // system properties outrank the environment: the bench never writes into a configured database
            System.setProperty("spring.datasource.url", "");
            System.setProperty("centerline.data-dir", work.resolve("data").toString());
            System.setProperty("centerline.embedded-database.clean", "true");
            System.setProperty("centerline.business-date", businessDate.toString());
            System.setProperty("centerline.targeting.scoring.enabled", String.valueOf(withScoring));
            try (ConfigurableApplicationContext context = CenterlineCommand.context()) {
                EntrySummaryIntake intake = context.getBean(EntrySummaryIntake.class);
                DataSource dataSource = context.getBean(DataSource.class);
                long size = Files.size(input);
                if (reviewed > 0) {
                    warmUp(intake, reviewedInput, intakeFormat, reviewed, "reviewed for the model to learn from");
                    DemoReviews reviews = new DemoReviews(
                            context.getBean(Outcomes.class),
                            context.getBean(Users.class),
                            seed,
                            businessDate.minusDays(DemoReviews.REVIEWED_BEFORE_DAYS));
                    int outcomes = reviews.record(reviewable);
                    reviewable.clear();
                    System.out.println(trainModel(context.getBean(RiskModels.class), outcomes));
                } else if (withScoring) {
                    System.out.println(noModel ? "model: none (--no-model)" : "model: none (no warm-up to learn from)");
                }
                if (warmUp > reviewed) {
                    warmUp(intake, warmUpInput, intakeFormat, warmUp - reviewed, "not timed");
                }
                Path server = work.resolve("data").resolve("postgres");
                long displacedBefore = displaced(dataSource);
                CpuUse cpuBefore = CpuUse.now(server);
                long started = System.nanoTime();
                EntrySummaryIntake.Tally tally = ingest(intake, input, intakeFormat, TIMED_ACTOR, entries);
                double intakeSeconds = (System.nanoTime() - started) / 1e9;
                CpuUse cpu = CpuUse.now(server).since(cpuBefore);
                long assessed = assessed(dataSource, TIMED_ACTOR, false);
                if (withScoring && assessed != tally.accepted()) {
                    System.out.printf(
                            "FAILED: %d summaries accepted but %d assessed when intake answered%n",
                            tally.accepted(), assessed);
                    return 1;
                }
                Baseline baseline = copyBaseline(dataSource, work, TIMED_ACTOR);
                if (!baseline.allLoaded(tally.accepted())) {
                    System.out.printf(
                            "FAILED: %d summaries accepted but %s loaded by the rounds of the COPY baseline%n",
                            tally.accepted(), baseline.each(Round::summaries));
                    return 1;
                }
                double copySeconds = baseline.median();
                double intakeRate = tally.accepted() / intakeSeconds;
                double copyRate = tally.accepted() / copySeconds;
                System.out.printf(
                        "intake: %d accepted, %d duplicates, %d rejected from %.0f MB of %s in %.1f s; heap max %d MB%n",
                        tally.accepted(),
                        tally.duplicates(),
                        tally.rejected(),
                        size / 1e6,
                        intakeFormat.cliName(),
                        intakeSeconds,
                        Runtime.getRuntime().maxMemory() >> 20);
                System.out.println("cpu: the timed phase, " + cpu.describe(intakeSeconds));
                System.out.println(
                        withScoring
                                ? "scoring: every accepted summary scored and its selection decided within intake ("
                                        + assessed + " assessments, " + assessed(dataSource, TIMED_ACTOR, true)
                                        + " of them by the model; " + (displaced(dataSource) - displacedBefore)
                                        + " selections for risk gave way to higher ranked summaries of their week)"
                                : "scoring: off (--with-scoring measures intake with targeting)");
                System.out.printf(
                        "copy: the same %d summaries and their lines in %.1f s (the median of %d rounds: %s s)%n",
                        tally.accepted(),
                        copySeconds,
                        BASELINE_ROUNDS,
                        baseline.each(round -> String.format("%.1f", round.seconds())));
                System.out.printf(
                        "RESULT intake_eps=%.0f copy_eps=%.0f ratio=%.2f%n",
                        intakeRate, copyRate, intakeRate / copyRate);
            } finally {
                EmbeddedDatabase.stop(work.resolve("data").resolve("postgres"));
                if (workDir == null) {
                    deleteQuietly(work);
                }
            }
            return 0;
        }

        private static EntrySummaryIntake.Tally ingest(
                EntrySummaryIntake intake, Path input, IntakeFormat format, String actor, int expected)
                throws IOException {
            try (InputStream in = Files.newInputStream(input);
                    SummaryReader reader = intake.reader(format, in);
                    ProgressBar bar = Progress.bar(actor, expected, "entries", 1)) {
                return intake.ingest(reader, actor, bar::stepTo, rejected -> {});
            }
        }

        private static void warmUp(
                EntrySummaryIntake intake, Path input, IntakeFormat format, int expected, String what)
                throws IOException {
            long started = System.nanoTime();
            EntrySummaryIntake.Tally warmed = ingest(intake, input, format, WARM_UP_ACTOR, expected);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "warm-up: %d accepted in %.1f s (%.0f summaries/s), %s%n",
                    warmed.accepted(), seconds, warmed.accepted() / seconds, what);
        }

        /** Trains a model on the warm-up's review outcomes; the first one trained is activated at once. */
        private static String trainModel(RiskModels models, int outcomes) {
            long started = System.nanoTime();
            TrainingOutcome trained = models.train(WARM_UP_ACTOR);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (trained instanceof TrainingOutcome.Trained model && model.activated()) {
                ModelCard card = model.version().card();
                return String.format(
                        "model: version %d trained in %.1f s on %d reviewed lines (%d with a finding) of %d reviewed"
                                + " summaries, and activated",
                        model.version().version(), seconds, card.rows(), card.positives(), outcomes);
            }
            if (trained instanceof TrainingOutcome.NotEnoughData why) {
                return "model: none (" + why.reason() + ")";
            }
            throw new IllegalStateException("The bench's fresh database already had an active model: " + trained);
        }

        /**
         * One stream of generated summaries: the first {@code reviewed} into one file, the rest of the {@link #warmUp}
         * into a second and the timed ones into a third. Returns what a review needs to know of the first part.
         */
        private List<DemoReviews.Reviewable> generate(
                Path reviewedInput,
                int reviewed,
                Path warmUpInput,
                Path input,
                IntakeFormat intakeFormat,
                LocalDate businessDate)
                throws IOException {
            List<DemoReviews.Reviewable> reviewable = new ArrayList<>(reviewed);
            try (Writer reviewedWriter = Files.newBufferedWriter(reviewedInput, StandardCharsets.UTF_8);
                    SummaryWriter reviewedOut = intakeFormat.writer(reviewedWriter);
                    Writer warmUpWriter = Files.newBufferedWriter(warmUpInput, StandardCharsets.UTF_8);
                    SummaryWriter warmUpOut = intakeFormat.writer(warmUpWriter);
                    Writer writer = Files.newBufferedWriter(input, StandardCharsets.UTF_8);
                    SummaryWriter out = intakeFormat.writer(writer);
                    ProgressBar bar = Progress.bar("generate", warmUp + entries, "entries", 1)) {
                int written = 0;
                for (GeneratedEntry entry :
                        new EntrySummaryGenerator(GeneratorSettings.of(warmUp + entries, seed, businessDate))) {
                    if (written < reviewed) {
                        reviewedOut.write(entry.summary());
                        reviewable.add(DemoReviews.Reviewable.of(entry));
                    } else {
                        (written < warmUp ? warmUpOut : out).write(entry.summary());
                    }
                    written++;
                    bar.step();
                }
            }
            return reviewable;
        }

        /** How many of the actor's summaries are assessed; by the model alone, or by anything. */
        private static long assessed(DataSource dataSource, String actor, boolean byModel) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    var statement = connection.prepareStatement("select count(*) from risk_assessment a join"
                            + " entry_summary s using (entry_number, version) where s.submitted_by = ?"
                            + (byModel ? " and a.model_version is not null" : ""))) {
                statement.setString(1, actor);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }

        /** How many selections for risk have given way to riskier summaries so far, by the audit log. */
        private static long displaced(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    var statement = connection.createStatement();
                    var rows = statement.executeQuery(
                            "select count(*) from audit_log where action = 'RISK_SELECTION_DISPLACED'")) {
                rows.next();
                return rows.getLong(1);
            }
        }

        /** One load of the baseline: how long it took, and how many summaries it loaded. */
        private record Round(double seconds, long summaries) {}

        /** The rounds of the baseline. */
        private record Baseline(List<Round> rounds) {

            /** The middle round's time: one slow or fast round of the machine does not decide the result. */
            double median() {
                List<Double> sorted =
                        rounds.stream().map(Round::seconds).sorted().toList();
                return sorted.get(sorted.size() / 2);
            }

            boolean allLoaded(long summaries) {
                return rounds.stream().allMatch(round -> round.summaries() == summaries);
            }

            /** One figure of every round, in the order they ran, as the report lists them. */
            String each(Function<Round, Object> figure) {
                return rounds.stream()
                        .map(round -> String.valueOf(figure.apply(round)))
                        .collect(Collectors.joining(", "));
            }
        }

        /**
         * Exports the summaries and lines of the timed intake, then times loading them again with COPY into new tables
         * like the originals, {@value #BASELINE_ROUNDS} times, each into empty tables after a checkpoint.
         */
        private static Baseline copyBaseline(DataSource dataSource, Path work, String actor)
                throws SQLException, IOException {
            Path summaries = work.resolve("entry_summary.copy");
            Path lines = work.resolve("entry_line.copy");
            try (Connection connection = dataSource.getConnection()) {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                try (OutputStream out = Files.newOutputStream(summaries)) {
                    copy.copyOut(
                            "copy (select * from entry_summary where submitted_by = '" + actor + "') to stdout", out);
                }
                try (OutputStream out = Files.newOutputStream(lines)) {
                    copy.copyOut(
                            "copy (select l.* from entry_line l join entry_summary s using (entry_number, version)"
                                    + " where s.submitted_by = '" + actor + "') to stdout",
                            out);
                }
                List<Round> rounds = new ArrayList<>();
                for (int round = 0; round < BASELINE_ROUNDS; round++) {
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("drop table if exists bench_entry_summary, bench_entry_line");
                        statement.execute("create table bench_entry_summary (like entry_summary including all)");
                        statement.execute("create table bench_entry_line (like entry_line including all)");
                        statement.execute("checkpoint");
                    }
                    connection.setAutoCommit(false);
                    long started = System.nanoTime();
                    long loaded;
                    try (InputStream in = Files.newInputStream(summaries)) {
                        loaded = copy.copyIn("copy bench_entry_summary from stdin", in);
                    }
                    try (InputStream in = Files.newInputStream(lines)) {
                        copy.copyIn("copy bench_entry_line from stdin", in);
                    }
                    connection.commit();
                    rounds.add(new Round((System.nanoTime() - started) / 1e9, loaded));
                }
                return new Baseline(rounds);
            }
        }

        private static void deleteQuietly(Path directory) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("Could not remove " + directory + ": " + e.getMessage());
            }
        }
    }
}
