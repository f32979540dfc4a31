package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path data;

    /** The values of server settings, read from a fresh embedded server that is stopped again. */
    private List<String> settingsOfAFreshServer(String... names) throws Exception {
        Path directory = data.resolve("postgres");
        try (Connection connection =
                        DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(directory, true), "postgres", "postgres");
                PreparedStatement select = connection.prepareStatement("select current_setting(?)")) {
            List<String> values = new ArrayList<>();
            for (String name : names) {
                select.setString(1, name);
                try (ResultSet setting = select.executeQuery()) {
                    setting.next();
                    values.add(setting.getString(1));
                }
            }
            return values;
        } finally {
            EmbeddedDatabase.stop(directory);
        }
    }

    @Test
    void theEmbeddedServerIsOnDiskBeforeItAnswersForACommit() throws Exception {
        assertThat(settingsOfAFreshServer("synchronous_commit", "fsync")).containsExactly("on", "on");
    }

    @Test
    void theEmbeddedServerWritesANewWalSegmentOnceNotFirstWithZeros() throws Exception {
        assertThat(settingsOfAFreshServer("wal_init_zero")).containsExactly("off");
    }

    @Test
    void aCommandStartedWhileAServiceHoldsTheDataDirectorySaysWhatToDoWithoutAStackTrace() throws Exception {
        Path jar = Path.of("target", "centerline.jar");
        assertThat(jar).as("the packaged jar (./mvnw package)").exists();
        Path directory = data.resolve("postgres");
        Path input = Files.writeString(data.resolve("entries.jsonl"), "");
        Path output = data.resolve("output.txt");
        EmbeddedDatabase.jdbcUrl(directory, true);
        try {
            Process command = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Dspring.datasource.url=",
                            "-Dcenterline.data-dir=" + data,
                            "-jar",
                            jar.toString(),
                            "ingest",
                            input.toString(),
                            "--format",
                            "jsonl",
                            "--as",
                            "filer")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            assertThat(command.waitFor(2, TimeUnit.MINUTES)).isTrue();

            String said = Files.readString(output);
            assertThat(command.exitValue())
                    .as("the exit code of a database in use, not of rejected records: " + said)
                    .isEqualTo(3);
            assertThat(said)
                    .contains("The embedded PostgreSQL data directory "
                            + directory.toAbsolutePath().normalize()
                            + " is in use by another process, most likely a running Centerline service.")
                    .contains("Stop the running service before running a command on its data")
                    .doesNotContain("\tat io.zonky");
        } finally {
            EmbeddedDatabase.stop(directory);
        }
    }
}
