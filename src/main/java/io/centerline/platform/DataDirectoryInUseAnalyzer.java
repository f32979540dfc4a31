package io.centerline.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells a user who starts Centerline, or one of its commands, while a service holds the embedded server's data
 * directory what to do, in place of the stack trace of a failed start.
 */
class DataDirectoryInUseAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabase.InUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabase.InUse cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the running service before running a command on its data, or set CENTERLINE_DATA_DIR to another"
                        + " directory, or SPRING_DATASOURCE_URL to a PostgreSQL server.",
                cause);
    }
}
