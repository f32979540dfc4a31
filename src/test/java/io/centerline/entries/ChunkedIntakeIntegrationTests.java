package io.centerline.entries;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.oneLine;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.entries.intake.JsonSummaryReader;
import io.centerline.entries.intake.SummaryReader;
import io.centerline.support.ApiTest;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch streamed in many small chunks by two writers side by side, where a later chunk refers to entries of an
 * earlier one: its outcomes are those of storing it in order, and its rejections arrive in the order of the batch.
 */
class ChunkedIntakeIntegrationTests extends ApiTest {

    @Autowired
    IntakeProcessor processor;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aBatchStoredInSmallChunksByTwoWritersMeansWhatStoringItInOrderWould() {
        String importer = importer();
        List<String> numbers = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String number = entryNumber("CHK");
            numbers.add(number);
            records.add(filed(number, importer, "1000.00", false));
        }
        String late = entryNumber("CHK");
        records.add(filed(numbers.get(1), importer, "1000.00", false)); // 31: the same summary again
        records.add(filed(numbers.get(2), importer, "2000.00", false)); // 32: other content, not a correction
        records.add(filed(numbers.get(3), importer, "3000.00", true)); // 33: a correction of an earlier chunk's entry
        records.add("{\"entryNumber\": \"broken json"); // 34
        records.add(filed(entryNumber("CHK"), importer, "1000.00", false)); // 35
        records.add(filed(entryNumber("CHK"), importer, "1000.00", false)); // 36
        records.add(filed(entryNumber("CHK"), importer, "1000.00", false)); // 37
        records.add(filed(late, importer, "1000.00", false)); // 38, the last of its chunk of two
        records.add(filed(late, importer, "1000.00", false)); // 39, the first of the next chunk: the same again
        EntrySummaryIntake intake = new EntrySummaryIntake(processor, clock, 2, 2);
        List<Integer> rejectedAt = new ArrayList<>();
        List<Long> progress = new ArrayList<>();

        EntrySummaryIntake.Tally tally;
        try (SummaryReader reader = new JsonSummaryReader(new StringReader(String.join("\n", records)))) {
            tally = intake.ingest(reader, FILER, progress::add, rejected -> rejectedAt.add(rejected.position()));
        }

        assertThat(tally.accepted()).isEqualTo(30 + 1 + 4);
        assertThat(tally.duplicates()).isEqualTo(2);
        assertThat(tally.rejected()).isEqualTo(2);
        assertThat(rejectedAt).containsExactly(32, 34);
        assertThat(progress).isSorted().last().isEqualTo(39L);
        assertThat(storedVersions(numbers.get(3))).containsExactly(1, 2);
        assertThat(storedVersions(late)).containsExactly(1);
        assertThat(storedVersions(numbers.get(29))).containsExactly(1);
    }

    @Test
    void aBatchSentAgainIsAnsweredAsDuplicatesAndAddsNothingToTheAccountsTrade() {
        String importer = importer();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            records.add(filed(entryNumber("CHK"), importer, "1000.00", false));
        }
        EntrySummaryIntake intake = new EntrySummaryIntake(processor, clock, 2, 2);
        EntrySummaryIntake.Tally first = ingest(intake, records);
        String tradeAfterFirst = trade(importer);

        EntrySummaryIntake.Tally again = ingest(intake, records);

        assertThat(first.accepted()).isEqualTo(9);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(9);
        assertThat(again.rejected()).isZero();
        assertThat(trade(importer)).isEqualTo(tradeAfterFirst).contains("9000.00");
    }

    private EntrySummaryIntake.Tally ingest(EntrySummaryIntake intake, List<String> records) {
        try (SummaryReader reader = new JsonSummaryReader(new StringReader(String.join("\n", records)))) {
            return intake.ingest(reader, FILER, processed -> {}, rejected -> {});
        }
    }

    /** The account's stored monthly trade totals, as text. */
    private String trade(String importer) {
        return jdbc.sql("select string_agg(t.month || ' ' || t.center || ' ' || t.entered_value || ' ' || t.line_count,"
                        + " '; ' order by t.month, t.center) from account_trade_month t"
                        + " join account a on a.id = t.account_id where a.importer_number = ?")
                .param(importer)
                .query(String.class)
                .single();
    }

    @Test
    void aBatchStoredInManyChunksIsOneIntakeBatchWhoseTrailHoldsEveryChunksAcceptancesAndRejections() {
        String importer = importer();
        List<String> numbers = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String number = entryNumber("CHB");
            numbers.add(number);
            records.add(filed(number, importer, "1000.00", false));
            if (i % 3 == 1) {
                records.add("{\"entryNumber\": \"broken json " + i);
            }
        }
        EntrySummaryIntake intake = new EntrySummaryIntake(processor, clock, 2, 2);

        EntrySummaryIntake.Tally tally;
        try (SummaryReader reader = new JsonSummaryReader(new StringReader(String.join("\n", records)))) {
            tally = intake.ingest(reader, FILER, processed -> {}, rejected -> {});
        }

        assertThat(tally.accepted()).isEqualTo(7);
        assertThat(tally.rejected()).isEqualTo(2);
        assertThat(numbers)
                .allSatisfy(
                        number -> assertThat(jdbc.sql("select intake_batch from entry_summary where entry_number = ?")
                                        .param(number.replace("-", ""))
                                        .query(String.class)
                                        .single())
                                .isEqualTo(tally.intakeBatch()));
        Response trail = get(SPECIALIST, "/api/v1/audit/intake-batch/" + tally.intakeBatch());
        List<String> accepted = new ArrayList<>();
        trail.json().forEach(row -> {
            if (row.get("action").asString().equals("ENTRY_SUMMARIES_ACCEPTED")) {
                row.at("/detail/entries").forEach(ref -> accepted.add(ref.asString()));
            }
        });
        assertThat(accepted)
                .containsExactlyInAnyOrderElementsOf(numbers.stream()
                        .map(number -> number.replace("-", "") + "/1")
                        .toList());
        assertThat(trail.json().findValuesAsString("action").stream().filter("ENTRY_SUMMARY_REJECTED"::equals))
                .hasSize(2);
    }

    private static String filed(String number, String importer, String value, boolean correction) {
        return oneLine(summary(
                number, "01", importer, "2026-03-02", "2026-03-12", correction, line(1, "8471300100", value, null)));
    }

    private List<Integer> storedVersions(String number) {
        return jdbc.sql("select version from entry_summary where entry_number = ? order by version")
                .param(number.replace("-", ""))
                .query(Integer.class)
                .list();
    }
}
