package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.entries.SubmittedEntrySummary;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeRoundTripTests {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 6, 30);

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20260630L})
    void generatedSummariesWrittenAsJsonlReadBackEqual(long seed) {
        List<SubmittedEntrySummary> originals = generated(seed);

        List<ReadRecord> records = roundTrip(IntakeFormat.JSONL, originals);

        assertParsedInOrder(records, originals);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20260630L})
    void generatedSummariesWrittenAsCsvReadBackEqual(long seed) {
        List<SubmittedEntrySummary> originals = generated(seed);
        assertThat(originals)
                .as("a summary without line items has no CSV row")
                .allSatisfy(summary -> assertThat(summary.lines()).isNotEmpty());

        List<ReadRecord> records = roundTrip(IntakeFormat.CSV, originals);

        assertParsedInOrder(records, originals);
    }

    @Test
    void theFixtureSummaryRoundTripsThroughJsonlAndCsv() {
        List<SubmittedEntrySummary> originals = List.of(SummaryFixtures.twoLineEntry());

        assertParsedInOrder(roundTrip(IntakeFormat.JSONL, originals), originals);
        assertParsedInOrder(roundTrip(IntakeFormat.CSV, originals), originals);
    }

    @Test
    void nullFieldsRoundTripAsNullThroughJsonlAndCsv() {
        SubmittedEntrySummary sparse = new SubmittedEntrySummary(
                "ABC-1234567-6",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new SubmittedEntrySummary.Line(
                        "1", null, List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
                        List.of())));
        List<SubmittedEntrySummary> originals = List.of(sparse);

        assertParsedInOrder(roundTrip(IntakeFormat.JSONL, originals), originals);
        assertParsedInOrder(roundTrip(IntakeFormat.CSV, originals), originals);
    }

    private static List<SubmittedEntrySummary> generated(long seed) {
        List<SubmittedEntrySummary> summaries = new ArrayList<>();
        for (GeneratedEntry entry : new EntrySummaryGenerator(GeneratorSettings.of(200, seed, BUSINESS_DATE))) {
            summaries.add(entry.summary());
        }
        assertThat(summaries).hasSize(200);
        return summaries;
    }

    private static List<ReadRecord> roundTrip(IntakeFormat format, List<SubmittedEntrySummary> summaries) {
        StringWriter out = new StringWriter();
        try (SummaryWriter writer = format.writer(out)) {
            summaries.forEach(writer::write);
        }
        List<ReadRecord> records = new ArrayList<>();
        try (SummaryReader reader = format.reader(new StringReader(out.toString()), BUSINESS_DATE)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static void assertParsedInOrder(List<ReadRecord> records, List<SubmittedEntrySummary> originals) {
        assertThat(records).hasSameSizeAs(originals);
        for (int i = 0; i < originals.size(); i++) {
            ReadRecord record = records.get(i);
            assertThat(record.startingAt(0)).isEqualTo(new ReadRecord.Parsed(i + 1, originals.get(i)));
        }
    }
}
