package io.centerline.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The PostgreSQL server Centerline starts for itself when no database is configured: the server binaries come from
 * Maven Central and the data stays under the data directory, so a restart finds what was stored before. One server
 * per data directory per process; it stops when the process ends.
 *
 * <p>The server commits durably: a transaction is on disk before the service answers for it. The embedding library
 * starts its servers with {@code fsync} and {@code synchronous_commit} off, as suits a throw-away test database: a
 * machine that stopped could then lose transactions a filer had been told were accepted, or leave the data files
 * inconsistent. Both are turned on again here.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final ConcurrentMap<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedDatabase() {}

    /** The JDBC URL of the server for a data directory, starting the server if it is not running yet. */
    public static String jdbcUrl(Path dataDirectory, boolean clean) {
        EmbeddedPostgres server = SERVERS.computeIfAbsent(
                dataDirectory.toAbsolutePath().normalize(), directory -> start(directory, clean));
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** Stops the server of a data directory, if this process started one. */
    public static void stop(Path dataDirectory) {
        EmbeddedPostgres server = SERVERS.remove(dataDirectory.toAbsolutePath().normalize());
        if (server != null) {
            close(server);
        }
    }

    private static EmbeddedPostgres start(Path directory, boolean clean) {
        try {
            Files.createDirectories(directory);
            log.info("Starting the embedded PostgreSQL server on {}", directory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(clean)
                    .setPort(freePort())
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // a new WAL segment is written once, by the records it holds, not first with 16 MB of zeros
                    .setServerConfig("wal_init_zero", "off")
                    .setRegisterShutdownHook(false)
                    .start();
            // stopped once the application contexts have closed, so that nothing still running needs the database:
            // a JVM shutdown hook of its own would race the context's and leave its last writes waiting for
            // connections to a stopped server
            SpringApplication.getShutdownHandlers().add(() -> stop(directory));
            return server;
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new InUse(directory, e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server in " + directory, e);
        }
    }

    /** Another process, most likely a running service, holds the embedded server's data directory. */
    public static final class InUse extends IllegalStateException {
        InUse(Path directory, IllegalStateException cause) {
            super(
                    "The embedded PostgreSQL data directory " + directory + " is in use by another process, most likely"
                            + " a running Centerline service. Stop it first, or point this command at another data"
                            + " directory (CENTERLINE_DATA_DIR) or at a PostgreSQL server (SPRING_DATASOURCE_URL).",
                    cause);
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL server did not stop cleanly", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
