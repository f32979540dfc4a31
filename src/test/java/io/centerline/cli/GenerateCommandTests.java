package io.centerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.CenterlineApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's command refuses what it cannot do in one line, without a stack trace. */
class GenerateCommandTests {

    @TempDir
    Path directory;

    @Test
    void aCountBelowOneIsAUsageError() {
        Run run = generate(
                "--entries", "-5", "--out", directory.resolve("x.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("generate: --entries must be at least 1, not -5\n");
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheFormats() {
        Run run = generate(
                "--entries",
                "5",
                "--format",
                "xml",
                "--out",
                directory.resolve("x.xml").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("generate: Unknown format 'xml'; use jsonl, csv or catair-ae\n");
    }

    @Test
    void aFileInAFolderThatDoesNotExistIsNamed() {
        Path out = directory.resolve("absent").resolve("x.jsonl");

        Run run = generate("--entries", "5", "--out", out.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("generate: no such file or directory: " + out + "\n");
    }

    @Test
    void aDirectoryGivenForTheSummariesOrTheLabelsIsAUsageErrorAndNoFileIsLeftBehind() {
        Path out = directory.resolve("x.jsonl");

        Run summaries = generate("--entries", "5", "--out", directory.toString());
        Run labels = generate("--entries", "5", "--out", out.toString(), "--labels", directory.toString());
        Run same = generate("--entries", "5", "--out", out.toString(), "--labels", out.toString());

        assertThat(summaries.exit()).isEqualTo(2);
        assertThat(summaries.err())
                .isEqualTo(
                        "generate: Cannot write the summaries to " + directory + ": it is a directory, not a file\n");
        assertThat(labels.exit()).isEqualTo(2);
        assertThat(labels.err())
                .isEqualTo("generate: Cannot write the labels to " + directory + ": it is a directory, not a file\n");
        assertThat(same.exit()).isEqualTo(2);
        assertThat(same.err()).contains("the same file");
        assertThat(out).doesNotExist();
    }

    private record Run(int exit, String err) {}

    private static Run generate(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "generate";
        System.arraycopy(options, 0, args, 1, options.length);
        PrintStream standardError = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = CenterlineCommand.run(CenterlineApplication.class, args);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(standardError);
        }
    }
}
