package io.centerline.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps PostgreSQL from planning parallel workers for the rest of the caller's transaction.
 *
 * <p>Intake and scoring send statements that touch a chunk's few thousand rows by key. For some of them the planner
 * estimates enough rows from the chunk's array of keys to start two parallel workers: the lookup of the chunk's stored
 * versions (2,000 keys among 1.25 million stored summaries, while intake ran) took 24 ms with two workers against
 * 4.4 ms on one backend, and each worker is a process that the server starts and ends for that one statement. While
 * intake runs, every core is already busy with intake's own threads and backends, so the workers only add that cost.
 */
public final class SerialPlans {

    private SerialPlans() {}

    /** Turns parallel plans off until the caller's transaction ends. */
    public static void forTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local max_parallel_workers_per_gather = 0");
        }
    }
}
