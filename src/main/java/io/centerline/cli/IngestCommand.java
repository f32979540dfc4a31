package io.centerline.cli;

import io.centerline.entries.EntrySummaryIntake;
import io.centerline.entries.IntakeOutcome;
import io.centerline.entries.intake.IntakeFormat;
import io.centerline.entries.intake.SummaryReader;
import io.centerline.identity.Role;
import io.centerline.identity.Users;
import io.centerline.platform.Shown;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Streams a file of entry summaries through intake in constant memory, with a progress bar and a closing tally. Its
 * exit code tells a script whether every record was taken: rejected records leave the others stored, and exit 1.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Ingest a file of entry summaries.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every record was accepted or a duplicate of one on file",
            "1:some records were rejected; every other record is stored",
            "2:the file could not be read, or --as names no user with the FILER role; nothing is stored",
            "3:the database could not be opened: its data directory is in use by a running service; nothing is stored"
        })
class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The file to ingest")
    Path file;

    @Option(names = "--format", required = true, description = "jsonl, csv or catair-ae")
    String format;

    @Option(
            names = "--as",
            required = true,
            paramLabel = "NAME",
            description = "The user the summaries are filed as, their filer of record: a user with the FILER role")
    String actor;

    @Option(names = "--rejections", description = "Write every rejection, with its errors, to this file")
    Path rejectionsFile;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(file)) {
            System.err.println("Cannot read " + file + ": it is a directory, not a file");
            return 2;
        }
        if (!Files.isReadable(file)) {
            System.err.println("Cannot read " + file);
            return 2;
        }
        if (rejectionsFile != null) {
            String refusal = rejectionsFileRefusal();
            if (refusal != null) {
                System.err.println("Cannot write the rejections to " + rejectionsFile + ": " + refusal);
                return 2;
            }
        }
        if (actor.isBlank()) {
            System.err.println("Cannot ingest as a blank name: --as names the user the summaries are filed as, a user"
                    + " with the FILER role");
            return 2;
        }
        IntakeFormat intakeFormat = IntakeFormat.parse(format);
        long size = Files.size(file);
        try (ConfigurableApplicationContext context = CenterlineCommand.context()) {
            String refusal = filerRefusal(context.getBean(Users.class));
            if (refusal != null) {
                System.err.println(refusal);
                return 2;
            }
            EntrySummaryIntake intake = context.getBean(EntrySummaryIntake.class);
            AtomicLong bytesRead = new AtomicLong();
            long started = System.nanoTime();
            EntrySummaryIntake.Tally tally;
            AtomicLong shown = new AtomicLong();
            try (InputStream in = new CountingStream(Files.newInputStream(file), bytesRead);
                    SummaryReader reader = intake.reader(intakeFormat, in);
                    PrintWriter rejections = rejectionsFile == null
                            ? null
                            : new PrintWriter(Files.newBufferedWriter(rejectionsFile, StandardCharsets.UTF_8));
                    ProgressBar bar = Progress.bar("ingest " + file.getFileName(), size, "MB", 1 << 20)) {
                tally = intake.ingest(reader, actor, processed -> bar.stepTo(bytesRead.get()), rejected -> {
                    if (rejections != null) {
                        rejections.println(describe(rejected));
                    } else if (shown.incrementAndGet() <= 20) {
                        System.err.println(describe(rejected));
                    }
                });
                bar.stepTo(size);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long total = tally.accepted() + tally.duplicates() + tally.rejected();
            System.out.printf(
                    "Ingested %s (%s): %d records, %d accepted, %d duplicates, %d rejected in %.1f s (%.0f records/s);"
                            + " intake batch %s%n",
                    file,
                    intakeFormat.cliName(),
                    total,
                    tally.accepted(),
                    tally.duplicates(),
                    tally.rejected(),
                    seconds,
                    total / Math.max(seconds, 1e-9),
                    tally.intakeBatch());
            if (tally.rejected() > 20 && rejectionsFile == null) {
                System.out.println("The first 20 rejections are above; --rejections FILE writes them all.");
            }
            return tally.rejected() > 0 ? 1 : 0;
        }
    }

    /**
     * Why the summaries cannot be filed as the user {@code --as} names, or null when they can: only a user with the
     * FILER role files entry summaries, as over the API, and the user filed as is the filer of record, who alone reads
     * them back and corrects them.
     */
    private String filerRefusal(Users users) {
        Optional<Set<Role>> roles = users.roles(actor);
        if (roles.isEmpty()) {
            return "Cannot ingest as '" + Shown.value(actor) + "': no user has that name; --as names a user with the"
                    + " FILER role (users add --username NAME --role FILER creates one)";
        }
        if (!roles.get().contains(Role.FILER)) {
            return "Cannot ingest as '" + actor + "': the user's roles ("
                    + roles.get().stream().map(Role::name).sorted().collect(Collectors.joining(", "))
                    + ") file no entry summaries; --as names a user with the FILER role";
        }
        return null;
    }

    /** Why the rejections cannot go to the file named, or null when they can: checked before anything is read. */
    private String rejectionsFileRefusal() throws IOException {
        if (Files.isDirectory(rejectionsFile)) {
            return "it is a directory, not a file";
        }
        if (Files.exists(rejectionsFile) && Files.isSameFile(rejectionsFile, file)) {
            return "it is the file being ingested, which writing would empty";
        }
        Path parent = rejectionsFile.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return "its directory " + parent + " does not exist";
        }
        return null;
    }

    private static String describe(IntakeOutcome.Rejected rejected) {
        StringBuilder text = new StringBuilder("record ").append(rejected.position());
        if (rejected.fileLine() > 0) {
            text.append(" at file line ").append(rejected.fileLine());
        }
        if (rejected.entryNumber() != null) {
            text.append(" (").append(rejected.entryNumber()).append(')');
        }
        text.append(':');
        rejected.errors()
                .forEach(e -> text.append(" [")
                        .append(e.code())
                        .append(e.line() == null ? "" : " line " + e.line())
                        .append(e.field() == null ? "" : " " + e.field())
                        .append("] ")
                        .append(e.message()));
        return text.toString();
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
