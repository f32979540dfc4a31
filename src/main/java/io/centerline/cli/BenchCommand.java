package io.centerline.cli;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.entries.EntrySummaryIntake;
import io.centerline.entries.intake.IntakeFormat;
import io.centerline.entries.intake.SummaryReader;
import io.centerline.entries.intake.SummaryWriter;
import io.centerline.platform.EmbeddedDatabase;
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
 * service, and the clock stops when the last is scored.
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

        @Parameters(arity = "0..*", hidden = true)
        String[] ignored;

        @Override
        public Integer call() throws Exception {
            Path work =
                    workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("centerline-bench");
            IntakeFormat intakeFormat = IntakeFormat.parse(format);
            LocalDate businessDate = LocalDate.of(2026, 11, 27);
            Path warmUpInput = work.resolve("warm-up." + intakeFormat.cliName());
            Path input = work.resolve("entries." + intakeFormat.cliName());
            generate(warmUpInput, input, intakeFormat, businessDate);
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
                if (warmUp > 0) {
                    long warmUpStarted = System.nanoTime();
                    EntrySummaryIntake.Tally warmed = ingest(intake, warmUpInput, intakeFormat, WARM_UP_ACTOR, warmUp);
                    double seconds = (System.nanoTime() - warmUpStarted) / 1e9;
                    System.out.printf(
                            "warm-up: %d accepted in %.1f s (%.0f summaries/s, from a cold start), not timed%n",
                            warmed.accepted(), seconds, warmed.accepted() / seconds);
                }
                long started = System.nanoTime();
                EntrySummaryIntake.Tally tally = ingest(intake, input, intakeFormat, TIMED_ACTOR, entries);
                double intakeSeconds = (System.nanoTime() - started) / 1e9;
                long assessed = assessed(dataSource, TIMED_ACTOR);
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
                System.out.println(
                        withScoring
                                ? "scoring: every accepted summary scored and its selection decided within intake ("
                                        + assessed + " assessments)"
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
                    SummaryReader reader = format.reader(in);
                    ProgressBar bar = Progress.bar(actor, expected, "entries", 1)) {
                return intake.ingest(reader, actor, bar::stepTo, rejected -> {});
            }
        }

        /** One stream of generated summaries: the first {@link #warmUp} into one file, the timed ones into another. */
        private void generate(Path warmUpInput, Path input, IntakeFormat intakeFormat, LocalDate businessDate)
                throws IOException {
            try (Writer warmUpWriter = Files.newBufferedWriter(warmUpInput, StandardCharsets.UTF_8);
                    SummaryWriter warmUpOut = intakeFormat.writer(warmUpWriter);
                    Writer writer = Files.newBufferedWriter(input, StandardCharsets.UTF_8);
                    SummaryWriter out = intakeFormat.writer(writer);
                    ProgressBar bar = Progress.bar("generate", warmUp + entries, "entries", 1)) {
                int written = 0;
                for (GeneratedEntry entry :
                        new EntrySummaryGenerator(GeneratorSettings.of(warmUp + entries, seed, businessDate))) {
                    (written++ < warmUp ? warmUpOut : out).write(entry.summary());
                    bar.step();
                }
            }
        }

        private static long assessed(DataSource dataSource, String actor) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    var statement = connection.prepareStatement("select count(*) from risk_assessment a join"
                            + " entry_summary s using (entry_number, version) where s.submitted_by = ?")) {
                statement.setString(1, actor);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
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
