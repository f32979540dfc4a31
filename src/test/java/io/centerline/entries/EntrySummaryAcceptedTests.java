package io.centerline.entries;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.accounts.ImporterNumber;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EntrySummaryAcceptedTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aStoredPublicationKeepsTheKeysAndReadsBackWithoutTheSummary() {
        EntrySummary summary = new EntrySummary(
                EntryNumber.parse("ABC-1234567-6"),
                "01",
                ImporterNumber.parse("12-3456789AB"),
                "2704",
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 12),
                "11",
                null,
                false,
                List.of());
        EntrySummariesAccepted published = new EntrySummariesAccepted(List.of(new EntrySummaryAccepted(
                "ABC12345676", 1, "12-3456789AB", "ELEC", LocalDate.of(2026, 3, 2), false, summary, List.of(), true)));

        String stored = JSON.writeValueAsString(published);
        EntrySummariesAccepted resubmitted = JSON.readValue(stored, EntrySummariesAccepted.class);

        assertThat(stored).doesNotContain("summary\"", "2704");
        assertThat(resubmitted.summaries())
                .singleElement()
                .isEqualTo(new EntrySummaryAccepted(
                        "ABC12345676", 1, "12-3456789AB", "ELEC", LocalDate.of(2026, 3, 2), false, null, null, true));
    }
}
