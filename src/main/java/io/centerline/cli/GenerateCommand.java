package io.centerline.cli;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.demo.generator.LabelWriter;
import io.centerline.entries.intake.IntakeFormat;
import io.centerline.entries.intake.SummaryWriter;
import io.centerline.platform.BusinessClock;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes synthetic entry summaries, and beside them the labels of the illicit patterns planted in them. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate synthetic entry summaries.")
class GenerateCommand implements Callable<Integer> {

    @Option(names = "--entries", required = true, description = "How many entry summaries")
    int entries;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, csv or catair-ae")
    String format;

    @Option(names = "--out", required = true, description = "The file to write")
    Path out;

    @Option(names = "--labels", description = "The label file (default: OUT.labels.csv)")
    Path labels;

    @Option(
            names = "--business-date",
            description = "The last date of the 18 months generated (default: CENTERLINE_BUSINESS_DATE or today)")
    LocalDate businessDate;

    @Override
    public Integer call() throws IOException {
        if (entries < 1) {
            throw new IllegalArgumentException("--entries must be at least 1, not " + entries);
        }
        IntakeFormat intakeFormat = IntakeFormat.parse(format);
        Path labelFile = labels != null ? labels : out.resolveSibling(out.getFileName() + ".labels.csv");
        refuseUnwritable(out, "the summaries");
        refuseUnwritable(labelFile, "the labels");
        if (out.toAbsolutePath().normalize().equals(labelFile.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(
                    "Cannot write the summaries and the labels to the same file " + out + "; --labels names another");
        }
        GeneratorSettings settings = GeneratorSettings.of(entries, seed, businessDate());
        long planted = 0;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                SummaryWriter summaries = intakeFormat.writer(writer);
                LabelWriter labelWriter = new LabelWriter(Files.newBufferedWriter(labelFile, StandardCharsets.UTF_8));
                ProgressBar bar = Progress.bar("generate", entries, "entries", 1)) {
            for (GeneratedEntry entry : new EntrySummaryGenerator(settings)) {
                summaries.write(entry.summary());
                labelWriter.write(entry);
                if (entry.isPlanted()) {
                    planted++;
                }
                bar.step();
            }
        }
        System.out.printf(
                "Wrote %d entry summaries (%s, %s to %s) to %s; %d with planted illicit patterns, labelled in %s%n",
                entries,
                intakeFormat.cliName(),
                settings.firstEntryDate(),
                settings.lastEntryDate(),
                out,
                planted,
                labelFile);
        return 0;
    }

    /** Refuses, before anything is written, a path that names a directory: neither file is then left behind. */
    private static void refuseUnwritable(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(
                    "Cannot write " + what + " to " + file + ": it is a directory, not a file");
        }
    }

    private LocalDate businessDate() {
        if (businessDate != null) {
            return businessDate;
        }
        String configured = System.getenv("CENTERLINE_BUSINESS_DATE");
        return configured == null || configured.isBlank() ? LocalDate.now() : BusinessClock.date(configured);
    }
}
