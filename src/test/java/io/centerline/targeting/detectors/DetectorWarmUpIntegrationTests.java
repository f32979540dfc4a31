package io.centerline.targeting.detectors;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class DetectorWarmUpIntegrationTests extends ApiTest {

    /** Wooden bedroom furniture, which no other test files, from Vietnam (the origin of the test summaries). */
    private static final String FURNITURE = "9403500080";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    private void file(int summaries, String entryDate) {
        for (int i = 0; i < summaries; i++) {
            String json = summary(
                    entryNumber("ZWU"),
                    "01",
                    importer(),
                    entryDate,
                    entryDate,
                    false,
                    line(1, FURNITURE, "60000.00", null));
            assertThat(post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, json)
                            .code())
                    .isEqualTo(201);
        }
    }

    private DetectorWarmUp warmUp(UnitValueDetector detector, Duration maxDuration) {
        return new DetectorWarmUp(List.of(detector), jdbc, transactions, clock, 12, 3_000_000, maxDuration);
    }

    @Test
    void storedSummariesOfTheLastTwelveMonthsWarmTheDetectorsUp() {
        file(12, "2026-03-02");
        file(3, "2025-05-04");
        UnitValueDetector detector = new UnitValueDetector();

        DetectorWarmUp.Replay replay = warmUp(detector, Duration.ofMinutes(1)).replay();

        assertThat(replay.complete()).isTrue();
        assertThat(replay.from()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(replay.to()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(replay.summaries()).isGreaterThanOrEqualTo(12);
        assertThat(detector.examine(underReview(20)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.reason())
                        .startsWith("unit value 20.00 USD per NO against a median of 120.00 for 9403.50.0080 from VN"));
    }

    @Test
    void theWarmUpStopsWhenItsTimeIsUp() {
        file(2, "2026-03-03");

        DetectorWarmUp.Replay replay =
                warmUp(new UnitValueDetector(), Duration.ZERO).replay();

        assertThat(replay.complete()).isFalse();
        assertThat(replay.summaries()).isEqualTo(1);
    }

    private static EntryUnderReview underReview(double unitValue) {
        LocalDate date = LocalDate.of(2026, 6, 1);
        Declaration line = new Declaration(
                "ZZZ00000012",
                1,
                1,
                date,
                "01",
                "IMP",
                "ZZZ",
                "2704",
                "11",
                "CPMM",
                FURNITURE,
                "VN",
                "VN",
                "VNSAMELE12HAN",
                "bedroom furniture",
                unitValue * 500,
                500,
                "NO",
                1200,
                0,
                false,
                null,
                Map.of());
        return new EntryUnderReview(
                "ZZZ00000012", 1, date, "01", "CPMM", "IMP", "ZZZ", false, List.of(line), History.NONE);
    }
}
