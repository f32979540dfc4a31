package io.centerline.benchmarks;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.entries.EntrySummary;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.intake.IntakeFormat;
import io.centerline.entries.intake.JsonSummaryReader;
import io.centerline.entries.intake.ReadRecord;
import io.centerline.entries.intake.SummaryWriter;
import io.centerline.entries.validation.EntrySummaryValidator;
import io.centerline.entries.validation.KnownCodes;
import io.centerline.entries.validation.Validation;
import io.centerline.reference.AdcvdOrder;
import io.centerline.reference.EntryType;
import io.centerline.reference.Money;
import io.centerline.reference.ValueLimit;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-summary CPU cost of the intake steps that need no database: reading a JSON line, validating it with every
 * policy, and fingerprinting it for idempotency. Run as described in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntakeBenchmarks {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 6, 30);
    private final List<String> jsonLines = new ArrayList<>();
    private final List<SubmittedEntrySummary> submitted = new ArrayList<>();
    private final List<EntrySummary> valid = new ArrayList<>();
    private EntrySummaryValidator validator;
    private int next;

    @Setup
    public void generate() {
        validator = new EntrySummaryValidator(new AllCodes());
        for (GeneratedEntry entry : new EntrySummaryGenerator(GeneratorSettings.of(1_000, 42, BUSINESS_DATE))) {
            StringWriter json = new StringWriter();
            try (SummaryWriter writer = IntakeFormat.JSONL.writer(json)) {
                writer.write(entry.summary());
            }
            jsonLines.add(json.toString().trim());
            submitted.add(entry.summary());
            if (validator.validate(entry.summary(), BUSINESS_DATE) instanceof Validation.Valid ok) {
                valid.add(ok.summary());
            }
        }
    }

    @Benchmark
    public ReadRecord readJsonLine() {
        return JsonSummaryReader.readObject(jsonLines.get(next++ % jsonLines.size()), 1);
    }

    @Benchmark
    public Validation validate() {
        return validator.validate(submitted.get(next++ % submitted.size()), BUSINESS_DATE);
    }

    @Benchmark
    public String fingerprint() {
        return valid.get(next++ % valid.size()).fingerprint();
    }

    /** Code lists that know what the generator writes, standing in for the reference module. */
    static final class AllCodes implements KnownCodes {
        private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

        @Override
        public boolean isPort(String code) {
            return code.length() == 4;
        }

        @Override
        public boolean isCountry(String code) {
            return COUNTRIES.contains(code);
        }

        @Override
        public Optional<EntryType> entryType(String code) {
            boolean adcvd = Set.of("03", "07", "34", "38").contains(code);
            String category = code.startsWith("1") ? "informal" : "consumption";
            return Optional.of(new EntryType(code, code, category, adcvd, code.equals("06"), true));
        }

        @Override
        public boolean isModeOfTransport(String code) {
            return code.length() == 2;
        }

        @Override
        public LocalDate earliestEntryDate() {
            return LocalDate.MIN;
        }

        @Override
        public Optional<AdcvdOrder> adcvdOrder(String caseNumber) {
            return Optional.empty();
        }

        @Override
        public List<AdcvdOrder> adcvdOrdersCovering(String hts, String countryOfOrigin, LocalDate entryDate) {
            return List.of();
        }

        @Override
        public Optional<ValueLimit> informalEntryLimit(LocalDate entryDate) {
            return Optional.of(new ValueLimit(
                    ValueLimit.INFORMAL_ENTRY, LocalDate.MIN, Money.usd("2500.00"), "informal entry limit", "test"));
        }
    }
}
