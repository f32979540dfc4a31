package io.centerline.entries;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.deadlines.ClockRegister;
import io.centerline.reference.ReferenceData;
import io.centerline.support.ApiTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An entry whose liquidation deadline passes after it arrived reads as deemed liquidated as of that deadline, as the
 * law has it without notice; one whose liquidation is suspended does not (business date 2026-06-30).
 */
class DeemedLiquidationIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClockRegister clocks;

    @Autowired
    ObjectProvider<RiskReadout> risks;

    @Autowired
    ReferenceData reference;

    @Test
    void anEntryReadsAsDeemedLiquidatedOnceItsDeadlinePassesUnlessItsLiquidationIsSuspended() {
        String plain = entryNumber("DLQ");
        String adcvd = entryNumber("DLQ");
        String importer = importer();
        fileEnteredOn(plain, "01", importer, null);
        fileEnteredOn(adcvd, "03", importer, "A-570-967-000");

        EntrySummaries today = summariesOn(LocalDate.of(2026, 6, 30));
        EntrySummaries afterTheDeadline = summariesOn(LocalDate.of(2026, 7, 16));

        assertThat(today.find(EntryNumber.parse(plain), null).orElseThrow())
                .extracting(EntrySummaryView::status, EntrySummaryView::deemedLiquidationDate)
                .containsExactly("ACCEPTED", null);
        assertThat(afterTheDeadline.find(EntryNumber.parse(plain), null).orElseThrow())
                .extracting(EntrySummaryView::status, EntrySummaryView::deemedLiquidationDate)
                .containsExactly("DEEMED_LIQUIDATED", LocalDate.of(2026, 7, 15));
        assertThat(afterTheDeadline.find(EntryNumber.parse(adcvd), null).orElseThrow())
                .extracting(EntrySummaryView::status, EntrySummaryView::deemedLiquidationDate)
                .containsExactly("ACCEPTED", null);
    }

    @Test
    void aWarehouseEntryIsNeverDeemedLiquidatedAYearAfterItsEntryDateSinceItsYearRunsFromTheFinalWithdrawal() {
        for (String type : java.util.List.of("21", "22")) {
            String number = entryNumber("DLQ");
            Response filed = post(
                    FILER,
                    "/api/v1/entry-summaries",
                    MediaType.APPLICATION_JSON,
                    summary(
                            number,
                            type,
                            importer(),
                            "2025-03-10",
                            "2025-03-14",
                            false,
                            line(1, "7604291010", "900.00", null)));

            assertThat(filed.code()).as(filed.body()).isEqualTo(201);
            assertThat(filed.json().get("status").asString()).as(type).isEqualTo("ACCEPTED");
            assertThat(filed.json().at("/warnings").toString()).doesNotContain("DEEMED_LIQUIDATED");
            assertThat(filed.json().at("/clockRules/liquidationDeadline").asString())
                    .contains("final withdrawal of its goods from the warehouse (19 U.S.C. 1504(a)(1)(B))")
                    .contains("not deemed liquidated");
            assertThat(summariesOn(LocalDate.of(2027, 1, 4))
                            .find(EntryNumber.parse(number), null)
                            .orElseThrow()
                            .status())
                    .isEqualTo("ACCEPTED");
        }
    }

    /** Files a summary entered on 2025-07-15, whose liquidation deadline is 2026-07-15. */
    private void fileEnteredOn(String number, String type, String importer, String adcvdCase) {
        Response filed = post(
                FILER,
                "/api/v1/entry-summaries",
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        type,
                        importer,
                        "2025-07-15",
                        "2025-07-20",
                        false,
                        line(1, "7604291010", "900.00", adcvdCase)));
        assertThat(filed.code()).as(filed.body()).isEqualTo(201);
    }

    private EntrySummaries summariesOn(LocalDate date) {
        Clock clock = Clock.fixed(date.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new EntrySummaries(jdbc, clocks, risks, reference, clock);
    }
}
