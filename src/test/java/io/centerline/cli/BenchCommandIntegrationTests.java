package io.centerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake benchmark as a user runs it: the packaged jar in a process of its own, on its own embedded server, with
 * the heap the target names. It runs in a separate process because it sets the system properties that point
 * Centerline at its throwaway database.
 */
class BenchCommandIntegrationTests {

    private static final Path JAR = Path.of("target", "centerline.jar");

    @TempDir
    Path work;

    @Test
    void theWarmUpIsFiledFirstAndOnlyTheTimedSummariesAreScoredCheckedAndLoadedByTheBaseline() throws Exception {
        List<String> output = bench("--entries", "300", "--warm-up", "200", "--with-scoring", "--no-model");

        assertThat(output).contains("model: none (--no-model)");
        assertThat(output).anyMatch(line -> line.startsWith("warm-up: 200 accepted in "));
        assertThat(output).anyMatch(line -> line.startsWith("intake: 300 accepted, 0 duplicates, 0 rejected"));
        assertThat(output)
                .contains("scoring: every accepted summary scored and its selection decided within intake"
                        + " (300 assessments, 0 of them by the model; 0 selections for risk gave way to higher"
                        + " ranked summaries of their week)");
        assertThat(output)
                .anyMatch(line ->
                        line.matches("cpu: the timed phase, machine busy (\\d+\\.\\d s \\(\\d+ % of \\d+ cores|n/a"
                                + " \\(n/a of \\d+ cores) over \\d+\\.\\d s\\), JVM (\\d+\\.\\d s|n/a), database server"
                                + " (\\d+\\.\\d s|n/a)"));
        if (Files.isReadable(Path.of("/proc/stat"))) {
            assertThat(output).filteredOn(line -> line.startsWith("cpu:")).noneMatch(line -> line.contains("n/a"));
        }
        assertThat(output)
                .anyMatch(line -> line.matches("copy: the same 300 summaries and their lines in \\d+\\.\\d s"
                        + " \\(the median of 3 rounds: \\d+\\.\\d, \\d+\\.\\d, \\d+\\.\\d s\\)"));
        assertThat(output).noneMatch(line -> line.startsWith("FAILED"));
        assertThat(output.get(output.size() - 1)).matches("RESULT intake_eps=\\d+ copy_eps=\\d+ ratio=\\d+\\.\\d\\d");
    }

    @Test
    void scoringUsesAModelTrainedOnReviewsOfTheFirstPartOfTheWarmUpAsTheServiceWould() throws Exception {
        List<String> output = bench("--entries", "300", "--warm-up", "4000", "--with-scoring");

        assertThat(output)
                .anyMatch(line -> line.startsWith("warm-up: 2400 accepted in ")
                        && line.endsWith(", reviewed for the model to learn from"));
        assertThat(output)
                .anyMatch(line -> line.matches("model: version 1 trained in \\d+\\.\\d s on \\d+ reviewed lines"
                        + " \\(\\d+ with a finding\\) of \\d+ reviewed summaries, and activated"));
        assertThat(output)
                .anyMatch(line -> line.startsWith("warm-up: 1600 accepted in ") && line.endsWith(", not timed"));
        assertThat(output)
                .anyMatch(line -> line.startsWith("scoring: every accepted summary scored and its selection decided"
                        + " within intake (300 assessments, 300 of them by the model; "));
        assertThat(output.get(output.size() - 1)).startsWith("RESULT intake_eps=");
    }

    @Test
    void noWarmUpMeasuresFromAColdStart() throws Exception {
        List<String> output = bench("--entries", "150", "--warm-up", "0");

        assertThat(output).noneMatch(line -> line.startsWith("warm-up:"));
        assertThat(output).anyMatch(line -> line.startsWith("intake: 150 accepted"));
        assertThat(output).anyMatch(line -> line.startsWith("copy: the same 150 summaries"));
        assertThat(output.get(output.size() - 1)).startsWith("RESULT intake_eps=");
    }

    /** The lines the command printed on standard output, once it has ended successfully. */
    private List<String> bench(String... options) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (./mvnw package)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                JAR.toString(),
                "bench",
                "ingest",
                "--work-dir",
                work.toString()));
        command.addAll(List.of(options));
        Path stdout = work.resolve("stdout.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The benchmark did not end within five minutes");
        }
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches("^(warm-up:|model:|intake:|cpu:|scoring:|copy:|RESULT |FAILED:).*"))
                .toList();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }
}
