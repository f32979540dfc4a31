package io.centerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.CenterlineApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetingCommandTests {

    private static final String HEADER = "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,"
            + "Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS10 Code,"
            + "Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,"
            + "Item Price,Fraud,Critical Fraud";

    @TempDir
    Path directory;

    @Test
    void scoreDatasetWritesAScoreForEveryInputRowWithoutADatabase() throws IOException {
        Path train = write("train.csv", LocalDate.of(2020, 1, 1), 90, 1, true);
        Path valid = write("valid.csv", LocalDate.of(2020, 4, 1), 20, 2, true);
        Path input = write("input.csv", LocalDate.of(2020, 5, 1), 20, 3, false);
        Path scores = directory.resolve("scores.csv");

        String output = run(
                "targeting",
                "score-dataset",
                "--train",
                train.toString(),
                "--valid",
                valid.toString(),
                "--input",
                input.toString(),
                "--out",
                scores.toString(),
                "--trees",
                "12",
                "--depth",
                "3");

        List<String> lines = Files.readAllLines(scores);
        assertThat(lines.get(0)).isEqualTo("Declaration ID,score");
        assertThat(lines).hasSize(1 + 20 * 8);
        assertThat(lines.get(1)).matches("5\\d+,0\\.\\d+(E-\\d+)?");
        assertThat(output).contains("Validation (valid.csv) by number of trees:", "p@5%", "Wrote 160 scores");
    }

    @Test
    void evaluateReadsAScoresFileAgainstTheLabelledFile() throws IOException {
        Path train = write("train.csv", LocalDate.of(2020, 1, 1), 90, 1, true);
        Path labelled = write("labelled.csv", LocalDate.of(2020, 5, 1), 20, 3, true);
        Path scores = directory.resolve("scores.csv");

        String trained = run(
                "targeting",
                "evaluate",
                "--train",
                train.toString(),
                "--labels",
                labelled.toString(),
                "--out",
                scores.toString(),
                "--trees",
                "12",
                "--depth",
                "3",
                "--at",
                "5,10,25");
        String read = run(
                "targeting",
                "evaluate",
                "--scores",
                scores.toString(),
                "--labels",
                labelled.toString(),
                "--at",
                "5,10,25");

        assertThat(trained).contains("precision@5%", "recall@25%", "Time-ordered hold-out");
        assertThat(read).contains("precision@25%");
        assertThat(evaluationLines(read)).isEqualTo(evaluationLines(trained));
    }

    @Test
    void evaluateGeneratedReportsPrecisionAndRecallByPlantedPattern() {
        String output = run("targeting", "evaluate-generated", "--entries", "1500", "--trees", "10", "--depth", "3");

        assertThat(output).contains("ranked by their riskiest line", "precision@10%", "Recall by planted pattern");
    }

    @Test
    void aTrainingFileWithoutTheLabelColumnIsRefusedInOneLineNamingTheFileAndTheColumn() throws IOException {
        Path train = write("train.csv", LocalDate.of(2020, 1, 1), 20, 1, false);
        Path input = write("input.csv", LocalDate.of(2020, 5, 1), 2, 3, false);

        Failure failure = scoreDatasetFails(train, input);

        assertThat(failure.exit()).isEqualTo(2);
        assertThat(failure.refusal())
                .isEqualTo("score-dataset: " + train + " line 1: no column 'Fraud'; a training file needs the columns"
                        + " Declaration ID, Date, Importer ID, HS10 Code, Item Price, Fraud");
    }

    @Test
    void aTrainingFileTooSmallToLearnFromIsRefused() throws IOException {
        List<String> rows = new ArrayList<>(Files.readAllLines(write("ten.csv", LocalDate.of(2020, 1, 1), 2, 1, true)));
        List<String> ten = new ArrayList<>(rows.subList(0, 11));
        for (int i = 1; i < ten.size(); i++) {
            ten.set(i, ten.get(i).replaceFirst(",[01],[01]$", i == 1 ? ",1,1" : ",0,0"));
        }
        Path train = Files.write(directory.resolve("ten.csv"), ten);
        Path input = write("input.csv", LocalDate.of(2020, 5, 1), 2, 3, false);

        Failure failure = scoreDatasetFails(train, input);

        assertThat(failure.exit()).isEqualTo(2);
        assertThat(failure.refusal())
                .isEqualTo("score-dataset: " + train + ": 10 rows, 1 with Fraud = 1 and 9 with Fraud = 0, are too few"
                        + " to learn from; a training file needs at least 50 rows, at least 10 of them with Fraud = 1"
                        + " and 10 with Fraud = 0");
        assertThat(directory.resolve("scores.csv")).doesNotExist();
    }

    @Test
    void anInputRowWithABlankDateIsStillScored() throws IOException {
        Path train = write("train.csv", LocalDate.of(2020, 1, 1), 30, 1, true);
        Path input = write("input.csv", LocalDate.of(2020, 5, 1), 2, 3, false);
        List<String> lines = new ArrayList<>(Files.readAllLines(input));
        lines.set(2, lines.get(2).replace(",2020-05-01,", ",,"));
        Files.write(input, lines);
        Path scores = directory.resolve("scores.csv");

        run(
                "targeting",
                "score-dataset",
                "--train",
                train.toString(),
                "--input",
                input.toString(),
                "--out",
                scores.toString(),
                "--trees",
                "5",
                "--depth",
                "2");

        List<String> written = Files.readAllLines(scores);
        assertThat(written).hasSize(1 + 16);
        assertThat(written.get(2)).startsWith(lines.get(2).split(",")[0] + ",0.");
    }

    @Test
    void aDeclarationRepeatedInTheInputIsRefusedNamingBothLines() throws IOException {
        Path train = write("train.csv", LocalDate.of(2020, 1, 1), 20, 1, true);
        Path input = write("input.csv", LocalDate.of(2020, 5, 1), 2, 3, false);
        List<String> lines = new ArrayList<>(Files.readAllLines(input));
        lines.add(lines.get(3));
        Files.write(input, lines);

        Failure failure = scoreDatasetFails(train, input);

        assertThat(failure.exit()).isEqualTo(2);
        assertThat(failure.refusal())
                .isEqualTo("score-dataset: " + input + " line 18: Declaration ID "
                        + lines.get(3).split(",")[0] + " is on line 4 too; each declaration is scored once");
    }

    @Test
    void theTargetingHelpIsWrittenWithoutWarnings() {
        for (String command : List.of("targeting", "targeting evaluate", "targeting evaluate-generated")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            PrintStream original = System.err;
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            String help;
            try {
                help = run(args.toArray(String[]::new));
            } finally {
                System.setErr(original);
            }
            assertThat(errors.toString(StandardCharsets.UTF_8)).as(command).doesNotContain("WARN");
            assertThat(help).as(command).doesNotContain("%%").contains("@n%");
        }
    }

    /** A command that failed: its exit code and what it wrote to standard error. */
    private record Failure(int exit, String refusal) {}

    /** Runs score-dataset on a training and an input file, writing scores.csv, expecting it to fail. */
    private Failure scoreDatasetFails(Path train, Path input) {
        return fail(
                "targeting",
                "score-dataset",
                "--train",
                train.toString(),
                "--input",
                input.toString(),
                "--out",
                directory.resolve("scores.csv").toString());
    }

    private Failure fail(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = CenterlineCommand.run(CenterlineApplication.class, args);
        } finally {
            System.setErr(original);
        }
        List<String> refusals = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.startsWith("Read "))
                .toList();
        assertThat(refusals).as("one line, no stack trace").hasSize(1);
        return new Failure(exit, refusals.get(0));
    }

    private static List<String> evaluationLines(String output) {
        return output.substring(output.indexOf("Evaluation on"))
                .lines()
                .filter(line -> line.startsWith("precision@"))
                .toList();
    }

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = CenterlineCommand.run(CenterlineApplication.class, args);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        return output;
    }

    /**
     * Writes {@code days} days of 8 declarations each; importer BAD's cheap lines are frauds. Without labels, the two
     * label columns are left out.
     */
    private Path write(String name, LocalDate first, int days, long seed, boolean labelled) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> rows = new ArrayList<>();
        rows.add(labelled ? HEADER : HEADER.replace(",Fraud,Critical Fraud", ""));
        for (int day = 0; day < days; day++) {
            for (int i = 0; i < 8; i++) {
                boolean bad = random.nextDouble() < 0.2;
                String importer = bad ? "BAD" : "IMP" + random.nextInt(30);
                double price = bad ? 1000 + random.nextInt(10) : 50_000 + random.nextInt(10_000);
                String row = String.join(
                        ",",
                        String.valueOf(5_000_000 + seed * 100_000 + day * 10 + i),
                        first.plusDays(day).toString(),
                        "30",
                        "B",
                        "11",
                        "21",
                        "11",
                        "10",
                        "DEC" + random.nextInt(5),
                        importer,
                        "SEL" + random.nextInt(40),
                        "",
                        "8471300100",
                        "CN",
                        "CN",
                        "8.0",
                        "A",
                        "E",
                        "100.0",
                        String.valueOf(price));
                rows.add(labelled ? row + "," + (bad ? "1,1" : "0,0") : row);
            }
        }
        return Files.write(directory.resolve(name), rows);
    }
}
