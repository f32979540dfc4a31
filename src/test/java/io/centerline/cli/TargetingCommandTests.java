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
