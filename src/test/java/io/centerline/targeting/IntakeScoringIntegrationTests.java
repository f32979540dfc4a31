package io.centerline.targeting;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.laptops;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.entries.EntryNumber;
import io.centerline.entries.EntrySummaryAccepted;
import io.centerline.support.AcceptedEvents;
import io.centerline.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Scoring is part of intake: an accepted summary has its assessment by the time intake answers. */
class IntakeScoringIntegrationTests extends ApiTest {

    @Autowired
    StoredEntries stored;

    @Autowired
    Scoring scoring;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAcceptedSummaryIsScoredAndItsSelectionDecidedBeforeIntakeAnswers() {
        String number = entryNumber("ISC");
        Response created =
                post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, laptops(number, importer()));

        JsonNode risk = get(SPECIALIST, "/api/v1/entry-summaries/" + number.replace("-", ""))
                .json()
                .get("risk");

        assertThat(created.code()).isEqualTo(201);
        assertThat(risk.get("status").asString()).isEqualTo("SCORED");
        assertThat(risk.get("reasons")).isNotEmpty();
        assertThat(risk.get("score").isNumber()).isTrue();
    }

    @Test
    void theTradeReadsWhetherItsSummaryIsSelectedAndWhyButNeverTheScoreOrTheKindOfSelection() {
        String number = entryNumber("ISC");
        post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, laptops(number, importer()));

        JsonNode risk = get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                .json()
                .get("risk");

        assertThat(risk.get("status").asString()).isEqualTo("SCORED");
        assertThat(risk.get("selected").isBoolean()).isTrue();
        assertThat(risk.get("reasons")).isNotEmpty();
        assertThat(risk.get("score").isNull()).isTrue();
        assertThat(risk.get("selection").isNull()).isTrue();
        assertThat(risk.get("modelVersion").isNull()).isTrue();
    }

    @Test
    void anAssessmentStoresItsGroundsAndItsReasonsAreWordedWhenRead() {
        String plain = filedLaptops("ISW");

        String ground = jdbc.sql("select ground from risk_assessment where entry_number = ? and reasons is null")
                .param(plain)
                .query(String.class)
                .single();
        JsonNode staff =
                get(SPECIALIST, "/api/v1/targeting/assessments/" + plain + "/1").json();

        assertThat(staff.get("entryNumber").asString()).isEqualTo(plain);
        assertThat(staff.at("/grounds/ground").asString())
                .isEqualTo(SelectionGround.valueOf(ground).name());
        assertThat(staff.has("written")).isFalse();
        assertThat(staff.get("reasons").get(0).asString())
                .matches(
                        "(Not selected|Selected for review).*\\(score \\d\\.\\d{3}, threshold .*, capacity \\d+ a week .*\\)\\.");
        assertThat(staff.get("tradeReasons")).isNotEmpty();
        assertThat(get(SPECIALIST, "/api/v1/targeting/assessments/" + plain + "/2")
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("ASSESSMENT_NOT_FOUND");
    }

    @Test
    void anAssessmentIsReadByItsEntryNumberWithOrWithoutDashesInAnyCase() {
        String plain = filedLaptops("ISN");
        String dashed = EntryNumber.parse(plain).formatted();

        for (String written : List.of(plain, dashed, plain.toLowerCase(), dashed.toLowerCase())) {
            Response read = get(SPECIALIST, "/api/v1/targeting/assessments/" + written + "/1");

            assertThat(read.code()).as(written).isEqualTo(200);
            assertThat(read.json().get("entryNumber").asString()).as(written).isEqualTo(plain);
        }
        for (String malformed : List.of("not-a-number", plain.substring(0, 10) + "x", plain + "0")) {
            Response unknown = get(SPECIALIST, "/api/v1/targeting/assessments/" + malformed + "/1");

            assertThat(unknown.code()).as(malformed).isEqualTo(404);
            assertThat(unknown.json().at("/errors/0/code").asString())
                    .as(malformed)
                    .isEqualTo("ASSESSMENT_NOT_FOUND");
        }
    }

    @Test
    void anAssessmentScoredBeforeGroundsWereKeptIsReadAsItWasWritten() {
        String plain = filedLaptops("ISO");
        jdbc.sql("update risk_assessment set ground = null, threshold = null, items_per_week = null,"
                        + " risk_items = null, control_items = null, reasons = ?, trade_reasons = ?"
                        + " where entry_number = ?")
                .params(
                        "[\"Not selected: below the selection threshold (as written then).\"]",
                        "[\"No review of this entry summary is planned (as written then).\"]",
                        plain)
                .update();

        JsonNode staff =
                get(SPECIALIST, "/api/v1/entry-summaries/" + plain).json().get("risk");
        JsonNode trade = get(FILER, "/api/v1/entry-summaries/" + plain).json().get("risk");

        assertThat(staff.get("reasons").toString()).contains("(as written then)");
        assertThat(trade.get("reasons").toString()).contains("planned (as written then)");
    }

    @Test
    void aSummaryHandedOverInMemoryReadsExactlyAsTheSameSummaryReadBackFromTheStore() throws InterruptedException {
        String number = entryNumber("ISM");
        String plain = number.replace("-", "");
        String json = summary(
                number,
                "01",
                importer(),
                "2026-03-02",
                "2026-03-12",
                false,
                line(1, "8471300100", "125000.00", null),
                line(2, "7604101000", "8123.45", null));
        assertThat(post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, json)
                        .code())
                .isEqualTo(201);
        EntrySummaryAccepted accepted = received(plain);

        List<EntryUnderReview> inMemory = stored.accepted(List.of(accepted));
        List<EntryUnderReview> readBack = stored.load(List.of(new EntryKey(plain, 1)));

        assertThat(inMemory).hasSize(1).isEqualTo(readBack);
        assertThat(inMemory.get(0).lines()).extracting(Declaration::center).doesNotContainNull();
    }

    @Test
    void aPublicationResubmittedWithoutTheSummaryScoresOnlyWhatWasNotScoredYet() throws InterruptedException {
        String number = entryNumber("ISR");
        String plain = number.replace("-", "");
        assertThat(post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, laptops(number, importer()))
                        .code())
                .isEqualTo(201);
        EntrySummaryAccepted accepted = received(plain);
        EntrySummaryAccepted resubmitted = new EntrySummaryAccepted(
                accepted.entryNumber(),
                accepted.version(),
                accepted.importerNumber(),
                accepted.center(),
                accepted.entryDate(),
                accepted.postSummaryCorrection(),
                null,
                null,
                accepted.deemedLiquidated());

        List<RiskAssessment> again = scoring.assessAccepted(List.of(resubmitted));
        jdbc.sql("delete from risk_finding where entry_number = ?").param(plain).update();
        jdbc.sql("delete from risk_assessment where entry_number = ?")
                .param(plain)
                .update();
        List<RiskAssessment> lost = scoring.assessAccepted(List.of(resubmitted));

        assertThat(again).as("already scored within intake").isEmpty();
        assertThat(lost)
                .singleElement()
                .satisfies(assessment -> assertThat(assessment.entryNumber()).isEqualTo(plain));
        assertThat(get(SPECIALIST, "/api/v1/entry-summaries/" + plain)
                        .json()
                        .at("/risk/status")
                        .asString())
                .isEqualTo("SCORED");
    }

    /** Files a summary of laptops under a fresh entry number of the filer code, and returns the number plain. */
    private String filedLaptops(String filerCode) {
        String number = entryNumber(filerCode);
        assertThat(post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, laptops(number, importer()))
                        .code())
                .isEqualTo(201);
        return number.replace("-", "");
    }

    private static EntrySummaryAccepted received(String entryNumber) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (EntrySummaryAccepted event : AcceptedEvents.RECEIVED) {
                if (event.entryNumber().equals(entryNumber)) {
                    return event;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No accepted event for " + entryNumber);
    }
}
