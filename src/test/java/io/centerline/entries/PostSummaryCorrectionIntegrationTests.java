package io.centerline.entries;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.oneLine;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The conditions under which a post-summary correction adds a version (business date 2026-06-30). */
class PostSummaryCorrectionIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private static final String PATH = "/api/v1/entry-summaries";

    @Test
    void aCorrectionAfterThePscCutoffIsRefused() {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2025-08-04");

        Response refused = correct(number, "01", importer, "2025-08-04");

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("PSC_AFTER_CUTOFF");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("2026-05-31");
        assertThat(get(SPECIALIST, PATH + "/" + number.replace("-", ""))
                        .json()
                        .get("warnings")
                        .findValuesAsString("code"))
                .as("the original, filed after its cut-off, says so")
                .contains("PSC_WINDOW_CLOSED");
    }

    @Test
    void aCorrectionOfADeemedLiquidatedEntryIsRefused() {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2025-05-01");

        Response refused = correct(number, "01", importer, "2025-05-01");

        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("PSC_AFTER_LIQUIDATION");
    }

    @Test
    void aCorrectionOfAnEntryWhoseDeadlinePassedSinceItWasStoredIsRefusedAsLiquidated() {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2025-05-01");
        // as stored before its deadline passed: the status says accepted, the clocks say deemed liquidated
        jdbc.sql("update entry_summary set status = 'ACCEPTED', deemed_liquidation_date = null where entry_number = ?")
                .param(number.replace("-", ""))
                .update();

        Response refused = correct(number, "01", importer, "2025-05-01");

        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("PSC_AFTER_LIQUIDATION");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("2026-05-01", "file a protest");
    }

    @Test
    void aCorrectionFiledInTheBatchOfItsOriginalMeetsTheSameCutoffAndLiquidation() {
        String late = entryNumber("PSC");
        String liquidated = entryNumber("PSC");
        String importer = importer();
        String batch = String.join(
                "\n",
                oneLine(summary(
                        late,
                        "01",
                        importer,
                        "2025-08-04",
                        "2025-08-04",
                        false,
                        line(1, "7604291010", "900.00", null))),
                oneLine(summary(
                        late, "01", importer, "2025-08-04", "2025-08-04", true, line(1, "7604291010", "950.00", null))),
                oneLine(summary(
                        liquidated,
                        "01",
                        importer,
                        "2025-05-01",
                        "2025-05-01",
                        false,
                        line(1, "7604291010", "900.00", null))),
                oneLine(summary(
                        liquidated,
                        "01",
                        importer,
                        "2025-05-01",
                        "2025-05-01",
                        true,
                        line(1, "7604291010", "950.00", null))));

        Response answer = post(FILER, PATH + "/batches", MediaType.parseMediaType("application/x-ndjson"), batch);

        assertThat(answer.code()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rejected/0/errors/0/code").asString()).isEqualTo("PSC_AFTER_CUTOFF");
        assertThat(answer.json().at("/rejected/1/record").asInt()).isEqualTo(4);
        assertThat(answer.json().at("/rejected/1/errors/0/code").asString()).isEqualTo("PSC_AFTER_LIQUIDATION");
        assertThat(versionsOf(late)).isEqualTo(1);
    }

    @Test
    void anAdcvdEntryStaysUnliquidatedPastItsYearAndMayBeCorrectedPastTheCutoffWhileSuspended() {
        String number = entryNumber("PSC");
        String importer = importer();
        Response filed = fileAdcvdEnteredMay2025(number, importer, false, "900.00");
        assertThat(filed.code()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(filed.json().get("warnings").findValuesAsString("code")).contains("LIQUIDATION_SUSPENDED");
        assertThat(filed.json().at("/clockRules/liquidationDeadline").asString())
                .contains("suspended")
                .contains("not deemed liquidated")
                .doesNotContain("deemed liquidated if not liquidated by then");
        reviewFoundNothing(number);

        Response corrected = fileAdcvdEnteredMay2025(number, importer, true, "950.00");

        assertThat(corrected.code()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void pastTheCutoffACorrectionThatWouldLiftTheSuspensionOfAnAdcvdEntryIsRefused() {
        String number = entryNumber("PSC");
        String importer = importer();
        Response filed = fileAdcvdEnteredMay2025(number, importer, false, "900.00");
        assertThat(filed.code()).as(filed.body()).isEqualTo(201);

        // filed as type 01 without the case, the entry would stand deemed liquidated without its AD/CVD duties
        Response refused = correct(number, "01", importer, "2025-05-01");

        assertThat(refused.code()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("PSC_AFTER_CUTOFF");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("suspended", "03");
        assertThat(versionsOf(number)).isEqualTo(1);
        assertThat(get(SPECIALIST, PATH + "/" + number.replace("-", ""))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void aForeignTradeZoneEntryWhoseLinesCarryACaseIsSuspendedAndMayBeCorrectedPastTheCutoffAsAnAdcvdEntry() {
        String number = entryNumber("PSC");
        String importer = importer();
        Response filed = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "06",
                        importer,
                        "2025-05-01",
                        "2025-05-01",
                        false,
                        line(1, "7604291010", "900.00", "A-570-967-000"),
                        line(2, "8471300100", "500.00", null)));
        assertThat(filed.code()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(filed.json().get("warnings").findValuesAsString("code"))
                .contains("LIQUIDATION_SUSPENDED")
                .doesNotContain("DEEMED_LIQUIDATED", "PSC_WINDOW_CLOSED");
        assertThat(filed.json().at("/clockRules/liquidationDeadline").asString())
                .contains("suspended")
                .contains("not deemed liquidated");
        reviewFoundNothing(number);

        Response corrected = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "06",
                        importer,
                        "2025-05-01",
                        "2025-05-01",
                        true,
                        line(1, "7604291010", "950.00", "A-570-967-000"),
                        line(2, "8471300100", "500.00", null)));

        assertThat(corrected.code()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aForeignTradeZoneEntryWithoutACaseIsDeemedLiquidatedAfterItsYearAsAnyOther() {
        String number = entryNumber("PSC");
        Response filed = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "06",
                        importer(),
                        "2025-05-01",
                        "2025-05-01",
                        false,
                        line(1, "8471300100", "900.00", null)));

        assertThat(filed.code()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("status").asString()).isEqualTo("DEEMED_LIQUIDATED");
        assertThat(filed.json().get("warnings").findValuesAsString("code")).doesNotContain("LIQUIDATION_SUSPENDED");
    }

    @Test
    void aCorrectionCannotChangeTheImporterOfRecord() {
        String number = entryNumber("PSC");
        fileOriginal(number, "01", importer(), "2026-03-02");

        Response refused = correct(number, "01", importer(), "2026-03-02");

        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("PSC_IMPORTER_CHANGED");
    }

    @Test
    void aCorrectionMayChangeTheEntryTypeOnlyBetweenConsumptionAndAdcvd() {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2026-03-02");

        Response informal = correct(number, "11", importer, "2026-03-02");
        assertThat(informal.json().at("/errors/0/code").asString()).isEqualTo("PSC_ENTRY_TYPE_CHANGE");

        Response adcvd = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "03",
                        importer,
                        "2026-03-02",
                        "2026-03-12",
                        true,
                        line(1, "7604291010", "1000.00", "A-570-967-000")));
        assertThat(adcvd.code()).as(adcvd.body()).isEqualTo(201);
        assertThat(adcvd.json().get("entryType").asString()).isEqualTo("03");
        assertThat(adcvd.json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void theOriginalResentAfterACorrectionIsADuplicateOfTheOriginalNotAConflict() {
        String number = entryNumber("PSC");
        Response resent = correctedThenOriginalContentSent(number, false);

        assertThat(resent.code()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("version").asInt()).isEqualTo(1);
        assertThat(versionsOf(number)).isEqualTo(2);
    }

    @Test
    void aCorrectionThatRestoresTheOriginalContentIsANewVersion() {
        String number = entryNumber("PSC");
        Response restored = correctedThenOriginalContentSent(number, true);

        assertThat(restored.code()).as(restored.body()).isEqualTo(201);
        assertThat(restored.json().get("version").asInt()).isEqualTo(3);
        assertThat(restored.json().at("/lines/0/enteredValue").asString()).isEqualTo("900.00");
    }

    @Test
    void aCorrectionSentAgainAfterALaterOneIsADuplicateOfItsVersionAndUndoesNothing() {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2026-03-02");
        assertThat(correct(number, "01", importer, "2026-03-02").code()).isEqualTo(201);
        Response later = correct(number, "01", importer, "2026-03-02", "990.00");
        assertThat(later.code()).as(later.body()).isEqualTo(201);

        Response retried = correct(number, "01", importer, "2026-03-02");

        assertThat(retried.code()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("version").asInt()).isEqualTo(2);
        assertThat(versionsOf(number)).isEqualTo(3);
        assertThat(get(FILER, PATH + "/" + number)
                        .json()
                        .at("/lines/0/enteredValue")
                        .asString())
                .isEqualTo("990.00");
    }

    @Test
    void aCorrectionCannotMoveTheEntryDateOnWhichTheClocksRun() {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2026-03-02");

        Response refused = correct(number, "01", importer, "2026-03-03");

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("PSC_ENTRY_DATE_CHANGED");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("2026-03-02");
        assertThat(versionsOf(number)).isEqualTo(1);
    }

    @Test
    void aCorrectionIsNotDatedBeforeTheVersionItCorrectsAndTheVersionsSayWhenEachWasSummarised() {
        String number = entryNumber("PSC");
        String importer = importer();
        Response original = summarisedOn("2026-03-20", number, importer, false, "900.00");
        assertThat(original.code()).as(original.body()).isEqualTo(201);
        reviewFoundNothing(number);

        Response backdated = summarisedOn("2026-03-19", number, importer, true, "950.00");
        Response sameDay = summarisedOn("2026-03-20", number, importer, true, "960.00");

        assertThat(backdated.code()).isEqualTo(422);
        assertThat(backdated.json().at("/errors/0/code").asString()).isEqualTo("PSC_DATED_BEFORE_VERSION");
        assertThat(backdated.json().at("/errors/0/message").asString())
                .contains("dated 2026-03-19, before version 1 it corrects (summary date 2026-03-20)");
        assertThat(sameDay.code()).as(sameDay.body()).isEqualTo(201);
        assertThat(get(FILER, PATH + "/" + number)
                        .json()
                        .at("/versions/1/summaryDate")
                        .asString())
                .isEqualTo("2026-03-20");
    }

    @Test
    void aCorrectionCannotChangeThePortOfEntry() {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2026-03-02");

        Response refused = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(number, "01", importer, "2026-03-02", "2026-03-02", true, line(1, "7604291010", "950.00", null))
                        .replace("\"portOfEntry\": \"2704\"", "\"portOfEntry\": \"1001\""));

        assertThat(refused.json().at("/errors/0/code").asString())
                .as(refused.body())
                .isEqualTo("PSC_PORT_CHANGED");
    }

    @Test
    void onlyTheFilerOfRecordMayCorrectAnEntryAndAnotherFilerStillCannotReadIt() {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2026-03-02");

        Response refused = post(
                OTHER_FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "01",
                        importer,
                        "2026-03-02",
                        "2026-03-02",
                        true,
                        line(1, "7604291010", "950.00", null)));

        assertThat(refused.code()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("PSC_BY_ANOTHER_FILER");
        assertThat(get(OTHER_FILER, PATH + "/" + number.replace("-", "")).code())
                .isEqualTo(404);
        assertThat(get(OTHER_FILER, "/api/v1/accounts/" + importer).code()).isEqualTo(404);
    }

    @Test
    void correctionsOfOneEntrySentAtOnceEachStoreTheirOwnVersion() throws Exception {
        String number = entryNumber("PSC");
        String importer = importer();
        fileOriginal(number, "01", importer, "2026-03-02");
        // more than the service's pool has connections, each waiting for the one before it to be stored and scored
        int corrections = 24;
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < corrections; i++) {
            String value = (1000 + i) + ".00";
            calls.add(() -> post(
                    FILER,
                    PATH,
                    MediaType.APPLICATION_JSON,
                    summary(
                            number,
                            "01",
                            importer,
                            "2026-03-02",
                            "2026-03-02",
                            true,
                            line(1, "7604291010", value, null))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(corrections);
        try {
            Set<Integer> versions = new HashSet<>();
            List<Future<Response>> answers = pool.invokeAll(calls);
            for (int i = 0; i < corrections; i++) {
                Response created = answers.get(i).get();
                assertThat(created.code()).as(created.body()).isEqualTo(201);
                // each answer is the version its own correction stored
                assertThat(created.json().at("/lines/0/enteredValue").asString())
                        .isEqualTo((1000 + i) + ".00");
                versions.add(created.json().get("version").asInt());
            }
            assertThat(versions).hasSize(corrections);
        } finally {
            pool.shutdown();
        }
        assertThat(versionsOf(number)).isEqualTo(corrections + 1);
    }

    /** Files an original of 900.00, corrects it, then sends the original's content again, flagged or not. */
    private Response correctedThenOriginalContentSent(String number, boolean flaggedAsCorrection) {
        String importer = importer();
        fileOriginal(number, "01", importer, "2026-03-02");
        assertThat(correct(number, "01", importer, "2026-03-02").code()).isEqualTo(201);
        return post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "01",
                        importer,
                        "2026-03-02",
                        "2026-03-02",
                        flaggedAsCorrection,
                        line(1, "7604291010", "900.00", null)));
    }

    /**
     * Files a type 03 summary, or a correction, entered on 2025-05-01: more than a year before the business date and
     * past its cut-off.
     */
    private Response fileAdcvdEnteredMay2025(String number, String importer, boolean correction, String value) {
        return post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "03",
                        importer,
                        "2025-05-01",
                        "2025-05-01",
                        correction,
                        line(1, "7604291010", value, "A-570-967-000")));
    }

    private int versionsOf(String number) {
        return get(SPECIALIST, PATH + "/" + number.replace("-", "") + "/versions")
                .json()
                .size();
    }

    private void fileOriginal(String number, String type, String importer, String entryDate) {
        Response filed = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(number, type, importer, entryDate, entryDate, false, line(1, "7604291010", "900.00", null)));
        assertThat(filed.code()).as(filed.body()).isEqualTo(201);
        // reviewed, so that neither it nor a correction selected after it puts the entry under review
        reviewFoundNothing(number);
    }

    private Response correct(String number, String type, String importer, String entryDate) {
        return correct(number, type, importer, entryDate, "950.00");
    }

    /** Files a type 01 summary entered on 2026-03-02 and summarised on the date given, of one line worth the value. */
    private Response summarisedOn(
            String summaryDate, String number, String importer, boolean correction, String value) {
        return post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "01",
                        importer,
                        "2026-03-02",
                        summaryDate,
                        correction,
                        line(1, "7604291010", value, null)));
    }

    /** Files a correction entered and summarised on the date, of one line worth the value given. */
    private Response correct(String number, String type, String importer, String entryDate, String value) {
        return post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(number, type, importer, entryDate, entryDate, true, line(1, "7604291010", value, null)));
    }
}
