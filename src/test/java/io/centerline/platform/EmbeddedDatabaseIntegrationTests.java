package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path data;

    @Test
    void theEmbeddedServerIsOnDiskBeforeItAnswersForACommit() throws Exception {
        Path directory = data.resolve("postgres");
        try (Connection connection =
                        DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(directory, true), "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery(
                        "select current_setting('synchronous_commit'), current_setting('fsync')")) {
            settings.next();
            assertThat(settings.getString(1)).isEqualTo("on");
            assertThat(settings.getString(2)).isEqualTo("on");
        } finally {
            EmbeddedDatabase.stop(directory);
        }
    }
}
