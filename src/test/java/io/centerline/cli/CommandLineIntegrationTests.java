package io.centerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.CenterlineApplication;
import io.centerline.support.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CommandLineIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path directory;

    @Test
    void generatedFilesOfEveryFormatAreIngestedInFull() throws IOException {
        for (String format : List.of("jsonl", "csv", "catair-ae")) {
            Path file = directory.resolve("entries." + format);
            long seed = 100 + format.length();
            int generated = CenterlineCommand.run(CenterlineApplication.class, new String[] {
                "generate",
                "--entries",
                "300",
                "--seed",
                String.valueOf(seed),
                "--format",
                format,
                "--business-date",
                "2026-06-30",
                "--out",
                file.toString()
            });
            assertThat(generated).isZero();
            assertThat(Files.readAllLines(directory.resolve("entries." + format + ".labels.csv"))
                            .get(0))
                    .isEqualTo("entryNumber,lineNumber,pattern,detail");
            long before = storedSummaries();

            int ingested = CenterlineCommand.run(
                    CenterlineApplication.class,
                    new String[] {"ingest", file.toString(), "--format", format, "--as", FILER});

            assertThat(ingested).isZero();
            assertThat(storedSummaries() - before).as(format).isEqualTo(300);
        }
    }

    @Test
    void ingestingAFileWithRejectedRecordsStoresTheOthersAndExitsOne() throws Exception {
        Path file = directory.resolve("with-a-bad-record.jsonl");
        int generated = CenterlineCommand.run(CenterlineApplication.class, new String[] {
            "generate",
            "--entries",
            "5",
            "--seed",
            "77",
            "--format",
            "jsonl",
            "--business-date",
            "2026-06-30",
            "--out",
            file.toString()
        });
        assertThat(generated).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(2, "{\"entryNumber\": \"not a number\"}");
        Files.write(file, lines);
        long before = storedSummaries();

        int ingested = CenterlineCommand.run(
                CenterlineApplication.class,
                new String[] {"ingest", file.toString(), "--format", "jsonl", "--as", FILER});

        assertThat(ingested).isEqualTo(1);
        assertThat(storedSummaries() - before).isEqualTo(5);
    }

    @Test
    void aJsonlFileSavedAsUtf16IsRefusedWholeInOneLineNamingItsEncodingAndNothingIsStored() throws Exception {
        Path file = directory.resolve("utf16.jsonl");
        int generated = CenterlineCommand.run(CenterlineApplication.class, new String[] {
            "generate",
            "--entries",
            "5",
            "--seed",
            "78",
            "--format",
            "jsonl",
            "--business-date",
            "2026-06-30",
            "--out",
            file.toString()
        });
        assertThat(generated).isZero();
        Files.write(file, ("\uFEFF" + Files.readString(file)).getBytes(StandardCharsets.UTF_16LE));
        long before = storedSummaries();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = CenterlineCommand.run(
                    CenterlineApplication.class,
                    new String[] {"ingest", file.toString(), "--format", "jsonl", "--as", FILER});
        } finally {
            System.setErr(stderr);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("ingest: The newline-delimited JSON starts with the byte order mark of UTF-16"
                        + " (little-endian): it is written in that encoding, and is read as UTF-8 only; save or send it"
                        + " as UTF-8 (with or without a byte order mark)." + System.lineSeparator());
        assertThat(storedSummaries()).isEqualTo(before);
    }

    @Test
    void onlyAUserWithTheFilerRoleFilesWhatIngestReadsAndAnyOtherNameIsRefusedWithNothingStored() throws Exception {
        Path file = directory.resolve("as-whom.jsonl");
        int generated = CenterlineCommand.run(CenterlineApplication.class, new String[] {
            "generate",
            "--entries",
            "3",
            "--seed",
            "79",
            "--format",
            "jsonl",
            "--business-date",
            "2026-06-30",
            "--out",
            file.toString()
        });
        assertThat(generated).isZero();
        long before = storedSummaries();

        Ended blank = ingestAs(file, "");
        Ended spaces = ingestAs(file, "   ");
        Ended unknown = ingestAs(file, "nobody-by-this-name");
        Ended staff = ingestAs(file, SPECIALIST);
        Ended administrator = ingestAs(file, ADMIN);
        Ended unnamed = ingest("ingest", file.toString(), "--format", "jsonl");

        for (Ended refusal : List.of(blank, spaces, unknown, staff, administrator, unnamed)) {
            assertThat(refusal.exit()).as(refusal.said()).isEqualTo(2);
        }
        assertThat(blank.said())
                .isEqualTo("Cannot ingest as a blank name: --as names the user the summaries are filed as, a user with"
                        + " the FILER role" + System.lineSeparator());
        assertThat(spaces.said()).isEqualTo(blank.said());
        assertThat(unknown.said())
                .isEqualTo("Cannot ingest as 'nobody-by-this-name': no user has that name; --as names a user with the"
                        + " FILER role (users add --username NAME --role FILER creates one)" + System.lineSeparator());
        assertThat(staff.said())
                .isEqualTo("Cannot ingest as 'specialist': the user's roles (SPECIALIST) file no entry summaries; --as"
                        + " names a user with the FILER role" + System.lineSeparator());
        assertThat(administrator.said()).contains("'admin'", "(ADMIN)");
        assertThat(unnamed.said()).contains("--as");
        assertThat(storedSummaries()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from entry_summary where submitted_by in ('', ?, ?)")
                        .params(SPECIALIST, ADMIN)
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(ingestAs(file, FILER).exit()).isZero();
        assertThat(storedSummaries() - before).isEqualTo(3);
    }

    /** What an ingest command ended with: its exit code and what it wrote on standard error. */
    private record Ended(int exit, String said) {}

    private static Ended ingestAs(Path file, String name) {
        return ingest("ingest", file.toString(), "--format", "jsonl", "--as", name);
    }

    private static Ended ingest(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = CenterlineCommand.run(CenterlineApplication.class, args);
            return new Ended(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void rejectionsAreNeverWrittenOverTheFileBeingIngested() throws Exception {
        Path file = directory.resolve("kept.jsonl");
        Files.writeString(file, "{\"entryNumber\": \"not a number\"}\n");

        int ingested = CenterlineCommand.run(CenterlineApplication.class, new String[] {
            "ingest", file.toString(), "--format", "jsonl", "--as", FILER, "--rejections", file.toString()
        });

        assertThat(ingested).isEqualTo(2);
        assertThat(Files.readString(file)).contains("not a number");
    }

    @Test
    void ingestingAMissingFileFailsWithoutStartingIntake() {
        int exit = CenterlineCommand.run(CenterlineApplication.class, new String[] {
            "ingest", directory.resolve("absent.jsonl").toString(), "--format", "jsonl", "--as", FILER
        });

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void ingestingADirectoryFailsInOneLineWithoutStartingIntake() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = CenterlineCommand.run(
                    CenterlineApplication.class,
                    new String[] {"ingest", directory.toString(), "--format", "jsonl", "--as", FILER});
        } finally {
            System.setErr(before);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Cannot read " + directory + ": it is a directory, not a file" + System.lineSeparator());
    }

    @Test
    void commandsNeverLoadTheDemoDataSetWhateverTheConfigurationSays() {
        String before = System.getProperty("centerline.demo.enabled");
        System.setProperty("centerline.demo.enabled", "true");
        try (var context = CenterlineCommand.context()) {
            assertThat(context.getEnvironment().getProperty("centerline.demo.enabled"))
                    .isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty("centerline.demo.enabled");
            } else {
                System.setProperty("centerline.demo.enabled", before);
            }
        }
    }

    private long storedSummaries() {
        return jdbc.sql("select count(*) from entry_summary").query(Long.class).single();
    }
}
