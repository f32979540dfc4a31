package io.centerline.entries;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.laptops;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.oneLine;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.AcceptedEvents;
import io.centerline.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class EntrySummaryApiIntegrationTests extends ApiTest {

    private static final String PATH = "/api/v1/entry-summaries";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theExampleSummaryIsAcceptedRoutedToElectronicsWithItsFeesAndClocks() {
        String number = entryNumber("ABC");
        Response created = post(FILER, PATH, MediaType.APPLICATION_JSON, laptops(number, importer()));

        assertThat(created.code()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("entryNumber").asString()).isEqualTo(number.replace("-", ""));
        assertThat(body.get("center").asString()).isEqualTo("ELEC");
        assertThat(body.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(body.at("/clocks/liquidationDeadline").asString()).isEqualTo("2027-03-02");
        assertThat(body.at("/clocks/scheduledLiquidationDate").asString()).isEqualTo("2027-01-15");
        assertThat(body.at("/clocks/pscCutoffDate").asString()).isEqualTo("2026-12-27");
        assertThat(body.at("/clockRules/scheduledLiquidationDate").asString()).contains("314 days");
        assertThat(body.at("/fees/mpf").asString()).isEqualTo("433.00");
        assertThat(body.at("/fees/mpfFiscalYear").asInt()).isEqualTo(2026);
        assertThat(body.at("/fees/hmf").asString()).isEqualTo("156.25");
        assertThat(body.at("/totals/enteredValue").asString()).isEqualTo("125000.00");
        assertThat(body.get("warnings").findValuesAsString("code")).contains("MPF_DIFFERS", "HMF_DIFFERS");
        assertThat(body.get("versions")).hasSize(1);
        assertThat(get(FILER, PATH + "/" + number.replace("-", ""))
                        .json()
                        .get("center")
                        .asString())
                .isEqualTo("ELEC");
    }

    @Test
    void aBorderWaterBorneEntryIsAVesselEntryAndPaysTheHarborMaintenanceFee() {
        String json = laptops(entryNumber("ABC"), importer())
                .replace("\"modeOfTransport\": \"11\"", "\"modeOfTransport\": \"12\"");

        Response created = post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("modeOfTransport").asString()).isEqualTo("12");
        assertThat(created.json().at("/fees/hmf").asString()).isEqualTo("156.25");
    }

    @Test
    void anIdenticalResubmissionAnswersWithTheStoredSummaryAndStoresNoSecondCopy() {
        String number = entryNumber("ABC");
        String json = laptops(number, importer());
        assertThat(post(FILER, PATH, MediaType.APPLICATION_JSON, json).code()).isEqualTo(201);

        Response again = post(FILER, PATH, MediaType.APPLICATION_JSON, json.replace(number, number.replace("-", "")));

        assertThat(again.code()).isEqualTo(200);
        assertThat(again.json().get("versions")).hasSize(1);
    }

    @Test
    void aDifferentSummaryUnderAStoredNumberIsAConflict() {
        String number = entryNumber("ABC");
        String importer = importer();
        post(FILER, PATH, MediaType.APPLICATION_JSON, laptops(number, importer));

        Response conflict = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                laptops(number, importer).replace("125000.00", "99000.00"));

        Response otherPort = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                laptops(number, importer).replace("\"portOfEntry\": \"2704\"", "\"portOfEntry\": \"1001\""));

        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.json().at("/errors/0/code").asString()).isEqualTo("ENTRY_CONFLICT");
        assertThat(conflict.json().at("/errors/0/message").asString())
                .contains("(version 1) with other lines on file")
                .contains("to change it, file a post-summary correction");
        assertThat(otherPort.json().at("/errors/0/message").asString())
                .contains("(version 1) with a different portOfEntry 2704 on file.")
                .doesNotContain("other lines", "file a post-summary correction")
                .contains("A post-summary correction cannot change the port of entry");
    }

    @Test
    void aConflictNamesEveryHeaderFieldThatDiffersAndWhetherTheLinesDoToo() {
        String number = entryNumber("ABC");
        String importer = importer();
        post(FILER, PATH, MediaType.APPLICATION_JSON, laptops(number, importer));

        Response otherMode = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                laptops(number, importer).replace("\"modeOfTransport\": \"11\"", "\"modeOfTransport\": \"40\""));
        Response otherModeAndLines = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                laptops(number, importer)
                        .replace("\"modeOfTransport\": \"11\"", "\"modeOfTransport\": \"40\"")
                        .replace("125000.00", "99000.00"));

        assertThat(otherMode.json().at("/errors/0/message").asString())
                .contains("(version 1) with a different modeOfTransport 11 on file;")
                .contains("to change it, file a post-summary correction");
        assertThat(otherModeAndLines.json().at("/errors/0/message").asString())
                .contains("(version 1) with a different modeOfTransport 11 and other lines on file;");
    }

    @Test
    void aPostSummaryCorrectionAddsAVersionAndKeepsTheFirst() {
        String number = entryNumber("ABC");
        String importer = importer();
        post(FILER, PATH, MediaType.APPLICATION_JSON, laptops(number, importer));
        endReviewIfSelected(number);
        String correction = summary(
                number, "01", importer, "2026-03-02", "2026-03-12", true, line(1, "8471300100", "130000.00", null));

        Response corrected = post(FILER, PATH, MediaType.APPLICATION_JSON, correction);

        assertThat(corrected.code()).isEqualTo(201);
        assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
        assertThat(corrected.json().get("versions")).hasSize(2);
        String plain = number.replace("-", "");
        assertThat(get(FILER, PATH + "/" + plain + "?version=1")
                        .json()
                        .at("/totals/enteredValue")
                        .asString())
                .isEqualTo("125000.00");
        assertThat(get(FILER, PATH + "/" + plain)
                        .json()
                        .at("/totals/enteredValue")
                        .asString())
                .isEqualTo("130000.00");
        assertThat(get(FILER, PATH + "/" + plain + "/versions").json()).hasSize(2);
    }

    @Test
    void aCorrectionOfASummaryNeverFiledIsRefused() {
        String correction = summary(
                entryNumber("ABC"),
                "01",
                importer(),
                "2026-03-02",
                "2026-03-12",
                true,
                line(1, "8471300100", "130000.00", null));

        Response refused = post(FILER, PATH, MediaType.APPLICATION_JSON, correction);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("PSC_WITHOUT_ORIGINAL");
    }

    @Test
    void anInvalidSummaryIsRefusedWithEveryErrorAndStoredNowhere() {
        String number = entryNumber("ABC");
        String wrongCheckDigit = number.substring(0, 12) + ((number.charAt(12) - '0' + 1) % 10);
        String json = summary(
                wrongCheckDigit,
                "01",
                importer(),
                "2026-03-02",
                "2026-03-12",
                false,
                line(1, "9903880300", "125000.00", null),
                line(2, "8471300100", "-5.00", null));

        Response refused = post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(refused.code()).isEqualTo(422);
        List<String> codes = refused.json().get("errors").findValuesAsString("code");
        assertThat(codes).contains("ENTRY_NUMBER_CHECK_DIGIT", "HTS_CHAPTER", "VALUE_NEGATIVE");
        JsonNode negative = errorWithCode(refused.json(), "VALUE_NEGATIVE");
        assertThat(negative.get("line").asInt()).isEqualTo(2);
        assertThat(negative.get("field").asString()).isEqualTo("enteredValue");
        assertThat(negative.get("record").asInt()).isEqualTo(1);
        assertThat(get(SPECIALIST, PATH + "/" + number.replace("-", "")).code()).isEqualTo(404);
    }

    @Test
    void aSummaryWhoseLineLeavesOutItsRelatedPartyFlagOrDescriptionIsRefusedNamingBothAndStoredNowhere() {
        String number = entryNumber("ABC");
        String json = laptops(number, importer())
                .replace("\"relatedParty\": false,", "")
                .replace("\"description\": \"goods of line 1\",", "");

        Response refused = post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(refused.code()).as(refused.body()).isEqualTo(422);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("relatedParty", "description");
        assertThat(errors.findValuesAsString("code")).containsOnly("REQUIRED");
        assertThat(errors.findValuesAsString("line")).containsOnly("1");
        assertThat(errors.findValuesAsString("record")).containsOnly("1");
        assertThat(get(SPECIALIST, PATH + "/" + number.replace("-", "")).code()).isEqualTo(404);
    }

    @Test
    void aRelatedPartyFlagSentAsNullIsRefusedAsMissing() {
        String json =
                laptops(entryNumber("ABC"), importer()).replace("\"relatedParty\": false", "\"relatedParty\": null");

        Response refused = post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(refused.code()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("relatedParty");
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("REQUIRED");
    }

    @Test
    void anEntryDatedAfterTheBusinessDateIsRefused() {
        String json = summary(
                entryNumber("ABC"),
                "01",
                importer(),
                "2026-07-01",
                "2026-07-01",
                false,
                line(1, "8471300100", "100.00", null));

        Response refused = post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("code")).contains("DATE_IN_FUTURE");
    }

    @Test
    void aSummaryArrivingAfterItsLiquidationDeadlineIsAcceptedAsDeemedLiquidated() {
        String json = summary(
                entryNumber("ABC"),
                "01",
                importer(),
                "2025-05-01",
                "2025-05-08",
                false,
                line(1, "8471300100", "5000.00", null));

        Response accepted = post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(accepted.code()).isEqualTo(201);
        assertThat(accepted.json().get("status").asString()).isEqualTo("DEEMED_LIQUIDATED");
        assertThat(accepted.json().get("deemedLiquidationDate").asString()).isEqualTo("2026-05-01");
        assertThat(accepted.json().at("/clocks/liquidationDeadline").asString()).isEqualTo("2026-05-01");
        assertThat(accepted.json().at("/fees/mpf").asString()).isEqualTo("32.71");
        assertThat(accepted.json().at("/fees/mpfFiscalYear").asInt()).isEqualTo(2025);
    }

    @Test
    void anInformalEntryPaysTheFlatFeeOfItsFiscalYearAndAnEarlierYearSaysWhichWasApplied() {
        Response fy2026 = fileInformal("2026-03-02");
        Response fy2025 = fileInformal("2025-09-30");

        assertThat(fy2026.code()).as(fy2026.body()).isEqualTo(201);
        assertThat(fy2026.json().at("/fees/mpf").asString()).isEqualTo("2.69");
        assertThat(fy2026.json().at("/fees/mpfFiscalYear").asInt()).isEqualTo(2026);
        assertThat(fy2026.json().get("warnings").findValuesAsString("message"))
                .anySatisfy(message -> assertThat(message)
                        .contains("differs from the computed $2.69")
                        .contains("flat fee of an informal entry"));
        assertThat(fy2025.json().at("/fees/mpf").asString()).isEqualTo("2.69");
        assertThat(fy2025.json().get("warnings").findValuesAsString("code")).contains("FEE_SCHEDULE_NOT_ON_FILE");
    }

    @Test
    void anInformalEntryValuedAboveTheLimitIsRefusedAndNothingOfItIsStored() {
        String number = entryNumber("ABC");
        Response refused = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "11",
                        importer(),
                        "2026-03-02",
                        "2026-03-02",
                        false,
                        line(1, "8471300100", "1500.00", null),
                        line(2, "8471300100", "1000.01", null)));

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("INFORMAL_ENTRY_OVER_LIMIT");
        assertThat(refused.json().at("/errors/0/message").asString())
                .contains("$2,500.00")
                .contains("$2,500.01");
        assertThat(get(FILER, PATH + "/" + number).code()).isEqualTo(404);
    }

    private Response fileInformal(String entryDate) {
        return post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        entryNumber("ABC"),
                        "11",
                        importer(),
                        entryDate,
                        entryDate,
                        false,
                        line(1, "8471300100", "1500.00", null)));
    }

    @Test
    void anEntryDatedBeforeTheFirstHtsToCenterMapIsRoutedByTheFirstMap() {
        String json = summary(
                entryNumber("ABC"),
                "01",
                importer(),
                "2016-05-02",
                "2016-05-09",
                false,
                line(1, "8471300100", "5000.00", null));

        Response accepted = post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(accepted.code()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("center").asString()).isEqualTo("ELEC");
        assertThat(accepted.json().get("status").asString()).isEqualTo("DEEMED_LIQUIDATED");
    }

    @Test
    void entryTypesNotFiledOnAnEntrySummaryAreRefusedWithoutFeesOrClocksAndStoredNowhere() {
        String importer = importer();
        List<String> refusedTypes = List.of("26", "41", "46", "61", "62", "63", "69", "70");
        List<String> numbers = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (String type : refusedTypes) {
            String number = entryNumber("ABC");
            numbers.add(number);
            records.add(oneLine(summary(
                    number, type, importer, "2026-03-02", "2026-03-12", false, line(1, "8471300100", "900.00", null))));
        }
        String good = entryNumber("ABC");
        records.add(oneLine(laptops(good, importer)));

        Response answer = post(
                FILER, PATH + "/batches", MediaType.parseMediaType("application/x-ndjson"), String.join("\n", records));

        assertThat(answer.code()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().get("rejected")).hasSize(refusedTypes.size());
        for (JsonNode rejection : answer.json().get("rejected")) {
            assertThat(rejection.at("/errors/0/code").asString()).isEqualTo("ENTRY_TYPE_NOT_A_SUMMARY");
            assertThat(rejection.at("/errors/0/field").asString()).isEqualTo("entryType");
            assertThat(rejection.at("/errors/0/message").asString()).contains("is not filed as an entry summary");
        }
        for (String number : numbers) {
            assertThat(get(SPECIALIST, PATH + "/" + number.replace("-", "")).code())
                    .isEqualTo(404);
        }
        Response single = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        numbers.get(0),
                        "26",
                        importer,
                        "2026-03-02",
                        "2026-03-12",
                        false,
                        line(1, "8471300100", "900.00", null)));
        assertThat(single.code()).isEqualTo(422);
        assertThat(single.json().at("/errors/0/message").asString())
                .startsWith(
                        "Entry type 26 (Warehouse - foreign trade zone admission) is not filed as an entry summary");
    }

    @Test
    void anAdcvdEntryNeedsTheCaseOfEveryLineAnOrderHoldsAndTakesOtherGoodsWithout() {
        String extrusions = line(1, "7604291010", "1000.00", "A-570-967-000").replace("\"VN\"", "\"CN\"");
        String laptops = line(2, "8471300100", "1000.00", null);
        String subjectWithoutCase = line(3, "7604291010", "1000.00", null).replace("\"VN\"", "\"CN\"");

        Response refused = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(
                        entryNumber("ABC"),
                        "03",
                        importer(),
                        "2026-03-02",
                        "2026-03-12",
                        false,
                        extrusions,
                        laptops,
                        subjectWithoutCase));
        Response mixed = post(
                FILER,
                PATH,
                MediaType.APPLICATION_JSON,
                summary(entryNumber("ABC"), "03", importer(), "2026-03-02", "2026-03-12", false, extrusions, laptops));

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().get("errors")).hasSize(1);
        JsonNode error = errorWithCode(refused.json(), "ADCVD_CASE_REQUIRED");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(mixed.code()).as(mixed.body()).isEqualTo(201);
    }

    @Test
    void aLineInAHeadingNoCenterOwnsIsRefusedRatherThanLeftUnrouted() {
        String json = summary(
                entryNumber("ABC"),
                "01",
                importer(),
                "2026-03-02",
                "2026-03-12",
                false,
                line(1, "8471300100", "1000.00", null),
                line(2, "7150100000", "1000.00", null));

        Response refused = post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(refused.code()).isEqualTo(422);
        JsonNode error = errorWithCode(refused.json(), "HTS_HEADING_UNASSIGNED");
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("message").asString()).contains("7150");
    }

    @Test
    void aJsonBodyLargerThanTheLimitIsRefusedUnreadAsTooLargeAndStoredNowhere() {
        String number = entryNumber("BIG");
        String huge = overFiveMebibytes(number);

        Response answer = post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, huge);

        assertThat(answer.code()).isEqualTo(413);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("BODY_TOO_LARGE");
        assertThat(answer.json().at("/errors/0/message").asString())
                .isEqualTo("A JSON request body may take at most 4,194,304 bytes.");
        assertThat(get(SPECIALIST, "/api/v1/entry-summaries/" + number.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aJsonBodySentWithoutItsLengthIsCutOffAtTheLimitRefusedAsTooLargeAndStoredNowhere() throws Exception {
        String number = entryNumber("BIG");
        byte[] huge = overFiveMebibytes(number).getBytes(StandardCharsets.UTF_8);

        Response answer = postStreamed(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, huge);

        assertThat(answer.code()).isEqualTo(413);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("BODY_TOO_LARGE");
        assertThat(answer.json().at("/errors/0/message").asString())
                .isEqualTo("A JSON request body may take at most 4,194,304 bytes.");
        assertThat(get(SPECIALIST, "/api/v1/entry-summaries/" + number.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void entryNumbersThatAreNotStoredOrMalformedAreNotFound() {
        assertThat(get(SPECIALIST, PATH + "/" + entryNumber("ZZZ").replace("-", ""))
                        .code())
                .isEqualTo(404);
        assertThat(get(SPECIALIST, PATH + "/not-an-entry").code()).isEqualTo(404);
        assertThat(get(SPECIALIST, PATH + "/ABC12345670").code()).isEqualTo(404);
        Response answer = get(SPECIALIST, PATH + "/ABC-1234567-0");
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("ENTRY_SUMMARY_NOT_FOUND");
        assertThat(answer.json().at("/errors/0/message").asString())
                .isEqualTo("No entry summary ABC-1234567-0 is on file for you to read.");
    }

    @Test
    void aPathOfAnyLengthIsEchoedInAtMostFortyCharactersAndAnEllipsis() {
        String endless = "A".repeat(3_000);

        Response summary = get(SPECIALIST, PATH + "/" + endless);
        Response versions = get(SPECIALIST, PATH + "/" + endless + "/versions");

        for (Response answer : List.of(summary, versions)) {
            assertThat(answer.code()).isEqualTo(404);
            assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("ENTRY_SUMMARY_NOT_FOUND");
            assertThat(answer.json().at("/errors/0/message").asString())
                    .isEqualTo("No entry summary " + "A".repeat(40) + "\u2026 is on file for you to read.");
        }
    }

    @Test
    void aVersionThatIsNoNumberAndAnEmptyBodyAreRefusedInWordsAFilerUnderstands() {
        Response version = get(SPECIALIST, PATH + "/ABC12345676?version=abc");
        assertThat(version.code()).isEqualTo(400);
        assertThat(version.json().at("/errors/0/message").asString())
                .isEqualTo("The version 'abc' is not a whole number.");
        Response tooLarge = get(SPECIALIST, PATH + "/ABC12345676?version=99999999999999");
        assertThat(tooLarge.code()).isEqualTo(400);
        assertThat(tooLarge.json().at("/errors/0/message").asString())
                .isEqualTo("The version '99999999999999' is a whole number out of range (from -2147483648 to"
                        + " 2147483647).");

        Response empty = post(FILER, PATH, MediaType.APPLICATION_JSON, "");
        assertThat(empty.code()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/code").asString()).isEqualTo("UNREADABLE_BODY");
        assertThat(empty.json().at("/errors/0/message").asString())
                .isEqualTo("The request body could not be read: it is empty, and this request needs one.");
    }

    @Test
    void aFilerReadsBackOnlyWhatItSubmittedWhileCenterStaffReadEverything() {
        String number = entryNumber("ABC").replace("-", "");
        post(FILER, PATH, MediaType.APPLICATION_JSON, laptops(number, importer()));

        assertThat(get(OTHER_FILER, PATH + "/" + number).code()).isEqualTo(404);
        assertThat(get(SPECIALIST, PATH + "/" + number).code()).isEqualTo(200);
        assertThat(get(FILER, PATH + "/" + number).code()).isEqualTo(200);
    }

    @Test
    void anExactCopyOfAnotherFilersSummaryIsRefusedAndTheRefusalIsInTheEntrysTrail() {
        String number = entryNumber("ABC").replace("-", "");
        String json = laptops(number, importer());
        post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        Response copy = post(OTHER_FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(copy.code()).as(copy.body()).isEqualTo(409);
        assertThat(copy.json().at("/errors/0/code").asString()).isEqualTo("ENTRY_ON_FILE_FROM_ANOTHER_FILER");
        assertThat(copy.json().at("/errors/0/field").asString()).isEqualTo("entryNumber");
        List<JsonNode> refusals = refusalsIn(get(SPECIALIST, "/api/v1/audit/entry-summary/" + number));
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).get("actor").asString()).isEqualTo(OTHER_FILER);
        assertThat(refusals.get(0).at("/detail/errors/0").asString()).isEqualTo("ENTRY_ON_FILE_FROM_ANOTHER_FILER");
        assertThat(refusals.get(0).at("/detail/intakeBatch").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from entry_summary where entry_number = ?")
                        .param(number)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aBatchRejectsAnExactCopyOfAnotherFilersSummaryAsTheSingleFilingDoesAndAuditsItNamingTheBatch() {
        String number = entryNumber("ABC").replace("-", "");
        String fresh = entryNumber("ABC").replace("-", "");
        String importer = importer();
        String json = laptops(number, importer);
        post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        Response batch = post(
                OTHER_FILER,
                PATH + "/batches",
                MediaType.parseMediaType("application/x-ndjson"),
                oneLine(laptops(fresh, importer)) + "\n" + oneLine(json) + "\n");

        assertThat(batch.code()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(batch.json().get("duplicates").asInt()).isZero();
        assertThat(batch.json().get("rejected")).hasSize(1);
        assertThat(batch.json().at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(batch.json().at("/rejected/0/fileLine").asLong()).isEqualTo(2);
        assertThat(batch.json().at("/rejected/0/entryNumber").asString()).isEqualTo(number);
        assertThat(batch.json().at("/rejected/0/errors/0/code").asString())
                .isEqualTo("ENTRY_ON_FILE_FROM_ANOTHER_FILER");
        assertThat(batch.body()).doesNotContain("\"versions\"", "\"risk\"");
        List<JsonNode> refusals = refusalsIn(get(SPECIALIST, "/api/v1/audit/entry-summary/" + number));
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).get("actor").asString()).isEqualTo(OTHER_FILER);
        assertThat(refusals.get(0).at("/detail/intakeBatch").asString())
                .isEqualTo(batch.json().get("intakeBatch").asString());
        assertThat(refusals.get(0).at("/detail/position").asInt()).isEqualTo(2);
        assertThat(post(FILER, PATH + "/batches", MediaType.parseMediaType("application/x-ndjson"), oneLine(json))
                        .json()
                        .get("duplicates")
                        .asInt())
                .as("the filer of record sending its own summary again")
                .isEqualTo(1);
    }

    /** The rejections in an entry summary's audit trail. */
    private static List<JsonNode> refusalsIn(Response trail) {
        assertThat(trail.code()).as(trail.body()).isEqualTo(200);
        List<JsonNode> rejections = new ArrayList<>();
        trail.json().forEach(row -> {
            if (row.get("action").asString().equals("ENTRY_SUMMARY_REJECTED")) {
                rejections.add(row);
            }
        });
        return rejections;
    }

    @Test
    void anExactDuplicateFromAnotherFilerIsAnsweredWithoutTheStoredSummary() {
        String number = entryNumber("ABC").replace("-", "");
        String json = laptops(number, importer());
        post(FILER, PATH, MediaType.APPLICATION_JSON, json);

        Response again = post(OTHER_FILER, PATH, MediaType.APPLICATION_JSON, json);

        assertThat(again.code()).as(again.body()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("ENTRY_ON_FILE_FROM_ANOTHER_FILER");
        assertThat(again.body()).doesNotContain("\"versions\"", "\"risk\"", FILER + "\"");
        assertThat(post(FILER, PATH, MediaType.APPLICATION_JSON, json).code()).isEqualTo(200);
        Response different =
                post(OTHER_FILER, PATH, MediaType.APPLICATION_JSON, json.replace("125000.00", "125001.00"));
        assertThat(different.json().at("/errors/0/code").asString()).isEqualTo("ENTRY_CONFLICT");
        assertThat(different.json().at("/errors/0/message").asString()).doesNotContain("version");
    }

    @Test
    void intakeNeedsASignedInFilerAndReadingNeedsASignedInUser() {
        assertThat(post(null, PATH, MediaType.APPLICATION_JSON, laptops(entryNumber("ABC"), importer()))
                        .code())
                .isEqualTo(401);
        assertThat(post(SPECIALIST, PATH, MediaType.APPLICATION_JSON, laptops(entryNumber("ABC"), importer()))
                        .code())
                .isEqualTo(403);
        assertThat(get(null, PATH + "/ABC12345676").code()).isEqualTo(401);
    }

    @Test
    void onlyAFilerFilesEntrySummariesSinglyOrInBatchesAndAnAdministratorIsRefusedWithNothingStored() {
        String single = entryNumber("ABC");
        String batched = entryNumber("ABC");
        String importer = importer();

        Response one = post(ADMIN, PATH, MediaType.APPLICATION_JSON, laptops(single, importer));
        Response batch = post(
                ADMIN,
                PATH + "/batches",
                MediaType.parseMediaType("application/x-ndjson"),
                oneLine(laptops(batched, importer)));

        for (Response refused : List.of(one, batch)) {
            assertThat(refused.code()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("FORBIDDEN");
        }
        for (String user : List.of(SPECIALIST, ADMIN)) {
            assertThat(post(user, PATH + "/batches", MediaType.parseMediaType("text/csv"), "entryNumber\n")
                            .code())
                    .isEqualTo(403);
        }
        for (String number : List.of(single, batched)) {
            assertThat(get(SPECIALIST, PATH + "/" + number.replace("-", "")).code())
                    .isEqualTo(404);
        }
        assertThat(post(FILER, PATH, MediaType.APPLICATION_JSON, laptops(single, importer))
                        .code())
                .isEqualTo(201);
    }

    @Test
    void concurrentIdenticalSubmissionsStoreOneCopy() throws Exception {
        String number = entryNumber("ABC");
        String json = laptops(number, importer());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() ->
                        post(FILER, PATH, MediaType.APPLICATION_JSON, json).code());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(calls)) {
                codes.add(future.get());
            }
            assertThat(codes).containsOnly(200, 201);
            assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(get(FILER, PATH + "/" + number.replace("-", "")).json().get("versions"))
                .hasSize(1);
    }

    @Test
    void anAcceptedSummaryIsPublishedThroughTheEventRegistryToListeners() throws InterruptedException {
        String number = entryNumber("EVT");
        post(FILER, PATH, MediaType.APPLICATION_JSON, laptops(number, importer()));

        String plain = number.replace("-", "");
        // the listener runs after the commit and the registry marks its publication complete after it returns
        for (int i = 0;
                i < 100 && (!received(plain) || completedPublications(plain).isEmpty());
                i++) {
            Thread.sleep(50);
        }

        assertThat(AcceptedEvents.RECEIVED)
                .filteredOn(event -> event.entryNumber().equals(plain))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.version()).isEqualTo(1);
                    assertThat(event.center()).isEqualTo("ELEC");
                    assertThat(event.summary().entryNumber().value()).isEqualTo(plain);
                });
        List<String> stored = completedPublications(plain);
        assertThat(stored)
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .as("the registry stores the keys, not the summary handed over in memory")
                        .doesNotContain("summary", "VNSAMELE12HAN"));
    }

    private static boolean received(String entryNumber) {
        return AcceptedEvents.RECEIVED.stream().anyMatch(e -> e.entryNumber().equals(entryNumber));
    }

    private List<String> completedPublications(String entryNumber) {
        return jdbc.sql("select serialized_event from event_publication where serialized_event like ?"
                        + " and listener_id like '%AcceptedEvents%' and completion_date is not null")
                .param("%" + entryNumber + "%")
                .query(String.class)
                .list();
    }

    @Test
    void theAcceptanceOfEverySummaryIsInTheAuditLogOfItsIntakeBatch() {
        String number = entryNumber("AUD");
        Response created = post(FILER, PATH, MediaType.APPLICATION_JSON, laptops(number, importer()));
        String batch = created.json().at("/versions/0/intakeBatch").asString();

        Response trail = get(SPECIALIST, "/api/v1/audit/intake-batch/" + batch);

        assertThat(trail.code()).isEqualTo(200);
        assertThat(trail.json().at("/0/action").asString()).isEqualTo("ENTRY_SUMMARIES_ACCEPTED");
        assertThat(trail.json().at("/0/actor").asString()).isEqualTo(FILER);
        assertThat(trail.json().at("/0/detail/entries/0").asString()).isEqualTo(number.replace("-", "") + "/1");
        assertThat(get(FILER, "/api/v1/audit/intake-batch/" + batch).code()).isEqualTo(403);
    }

    @Test
    void aRejectionIsInTheAuditLogOfItsEntryNumber() {
        String number = entryNumber("AUD");
        String json = summary(
                number, "01", importer(), "2026-03-02", "2026-03-12", false, line(1, "0000000000", "1.00", null));
        assertThat(post(FILER, PATH, MediaType.APPLICATION_JSON, json).code()).isEqualTo(422);

        Response trail = get(SPECIALIST, "/api/v1/audit/entry-summary/" + number.replace("-", ""));

        assertThat(trail.json().at("/0/action").asString()).isEqualTo("ENTRY_SUMMARY_REJECTED");
        assertThat(trail.json().at("/0/detail/errors/0").asString()).isEqualTo("HTS_CHAPTER");
        assertThat(trail.json().at("/0/detail/intakeBatch").asString()).isNotBlank();
    }

    @Test
    void theTrailOfAnEntryNumberInEitherSpellingHoldsItsRejectionsAndTheAcceptanceOfEachVersion() {
        String number = entryNumber("AUD");
        String importer = importer();
        assertThat(post(
                                FILER,
                                PATH,
                                MediaType.APPLICATION_JSON,
                                summary(
                                        number,
                                        "01",
                                        importer,
                                        "2026-03-02",
                                        "2026-03-12",
                                        false,
                                        line(1, "0000000000", "1.00", null)))
                        .code())
                .isEqualTo(422);
        // the original and its correction in one batch, the correction filed before selection could put the entry
        // under review (which would refuse it, PSC_UNDER_REVIEW) and the trail holding their acceptances alone
        Response filed = post(
                FILER,
                PATH + "/batches",
                MediaType.parseMediaType("application/x-ndjson"),
                oneLine(laptops(number, importer)) + "\n"
                        + oneLine(laptops(number, importer)
                                .replace("\"postSummaryCorrection\": false", "\"postSummaryCorrection\": true")
                                .replace("125000.00", "120000.00")));
        assertThat(filed.json().get("accepted").asInt()).as(filed.body()).isEqualTo(2);

        JsonNode plain = get(SPECIALIST, "/api/v1/audit/entry-summary/" + number.replace("-", ""))
                .json();
        JsonNode dashed =
                get(SPECIALIST, "/api/v1/audit/entry-summary/" + number).json();

        assertThat(plain.findValuesAsString("action"))
                .containsExactly("ENTRY_SUMMARY_REJECTED", "ENTRY_SUMMARY_ACCEPTED", "ENTRY_SUMMARY_ACCEPTED");
        assertThat(plain.at("/1/detail/version").asInt()).isEqualTo(1);
        assertThat(plain.at("/2/detail/version").asInt()).isEqualTo(2);
        assertThat(plain.at("/2/actor").asString()).isEqualTo(FILER);
        assertThat(plain.at("/2/detail/intakeBatch").asString())
                .isEqualTo(get(SPECIALIST, PATH + "/" + number.replace("-", ""))
                        .json()
                        .at("/versions/1/intakeBatch")
                        .asString());
        assertThat(dashed).isEqualTo(plain);
    }

    @Test
    void theRejectionsOfOneBatchAreInTheTrailOfTheirEntryNumberInTheOrderTheBatchGaveThem() {
        String number = entryNumber("AUD");
        String importer = importer();
        String conflicting = oneLine(laptops(number, importer).replace("125000.00", "120000.00"));
        String invalid = oneLine(summary(
                number, "01", importer, "2026-03-02", "2026-03-12", false, line(1, "0000000000", "1.00", null)));
        // a conflict is found once the chunk is classified, after the invalid records are known
        String batch = String.join("\n", oneLine(laptops(number, importer)), conflicting, invalid, conflicting);
        assertThat(post(FILER, PATH + "/batches", MediaType.parseMediaType("application/x-ndjson"), batch)
                        .code())
                .isEqualTo(200);

        JsonNode trail = get(SPECIALIST, "/api/v1/audit/entry-summary/" + number.replace("-", ""))
                .json();

        List<Integer> positions = new ArrayList<>();
        for (JsonNode row : trail) {
            if (row.get("action").asString().equals("ENTRY_SUMMARY_REJECTED")) {
                positions.add(row.at("/detail/position").asInt());
            }
        }
        assertThat(positions).containsExactly(2, 3, 4);
    }

    @Test
    void aRecordRejectedWithoutAnEntryNumberIsInTheAuditLogOfItsIntakeBatchBesideTheAcceptances() {
        String good = entryNumber("AUD");
        String batch = String.join("\n", oneLine(laptops(good, importer())), "{\"entryNumber\": \"broken json");
        assertThat(post(FILER, PATH + "/batches", MediaType.parseMediaType("application/x-ndjson"), batch)
                        .code())
                .isEqualTo(200);
        String intakeBatch = get(SPECIALIST, PATH + "/" + good.replace("-", ""))
                .json()
                .at("/versions/0/intakeBatch")
                .asString();

        Response trail = get(SPECIALIST, "/api/v1/audit/intake-batch/" + intakeBatch);

        assertThat(trail.json().findValuesAsString("action"))
                .containsExactlyInAnyOrder("ENTRY_SUMMARIES_ACCEPTED", "ENTRY_SUMMARY_REJECTED");
        JsonNode rejection = trail.json().get(0).get("action").asString().equals("ENTRY_SUMMARY_REJECTED")
                ? trail.json().get(0)
                : trail.json().get(1);
        assertThat(rejection.at("/detail/position").asInt()).isEqualTo(2);
        assertThat(rejection.at("/detail/errors/0").asString()).isEqualTo("JSON_SYNTAX");
    }

    @Test
    void aBatchAnswersTheIdOfItsIntakeBatchWhoseTrailFindsTheRejectionsThatNameNoEntryNumber() {
        String good = entryNumber("AUD");
        String batch = String.join("\n", oneLine(laptops(good, importer())), "{\"entryNumber\": \"broken json");

        Response answer = post(FILER, PATH + "/batches", MediaType.parseMediaType("application/x-ndjson"), batch);

        String intakeBatch = answer.json().get("intakeBatch").asString();
        assertThat(intakeBatch)
                .isEqualTo(get(SPECIALIST, PATH + "/" + good.replace("-", ""))
                        .json()
                        .at("/versions/0/intakeBatch")
                        .asString());
        Response trail = get(SPECIALIST, "/api/v1/audit/intake-batch/" + intakeBatch);
        assertThat(trail.json().findValuesAsString("action")).contains("ENTRY_SUMMARY_REJECTED");
        assertThat(answer.json().properties().stream().map(java.util.Map.Entry::getKey))
                .containsExactly("intakeBatch", "accepted", "duplicates", "rejected");
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        Response docs = get(null, "/v3/api-docs");

        assertThat(docs.code()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/api/v1/entry-summaries")).isTrue();
        assertThat(docs.json().at("/paths").has("/api/v1/entry-summaries/batches"))
                .isTrue();
        JsonNode submit = docs.json().at("/paths/~1api~1v1~1entry-summaries/post");
        assertThat(submit.at("/requestBody/content/application~1json/schema/$ref")
                        .asString())
                .endsWith("/SubmittedEntrySummary");
        // a submitted line is described as a filer writes it, never as the stored line read back
        JsonNode submittedLine = docs.json().at("/components/schemas/SubmittedLine/properties");
        assertThat(submittedLine.propertyNames()).doesNotContain("center");
        assertThat(submittedLine.at("/enteredValue/type").asString()).isEqualTo("string");
        // amounts are read back as decimal strings, and described so
        assertThat(docs.json()
                        .at("/components/schemas/Totals/properties/enteredValue/type")
                        .asString())
                .isEqualTo("string");
        assertThat(docs.json()
                        .at("/components/schemas/Line/properties/enteredValue/type")
                        .asString())
                .isEqualTo("string");
        assertThat(docs.json()
                        .at("/components/schemas/SubmittedEntrySummary/properties/lines/items/$ref")
                        .asString())
                .endsWith("/SubmittedLine");
        assertThat(submit.get("responses").propertyNames()).contains("200", "201", "409", "422", "413", "415");
        assertThat(submit.at("/responses/422/content").toString()).contains("#/components/schemas/ErrorsBody");
        assertThat(docs.json()
                        .at("/paths/~1api~1v1~1entry-summaries~1batches/post/requestBody/content")
                        .propertyNames())
                .contains("application/x-ndjson", "text/csv", "text/plain");
        assertThat(docs.json()
                        .at("/paths/~1api~1v1~1targeting~1outcomes/post/responses")
                        .propertyNames())
                .contains("201");
        assertThat(docs.json().at("/components/securitySchemes/basic/scheme").asString())
                .isEqualTo("basic");
        assertThat(docs.json().at("/info/title").asString()).isEqualTo("Centerline API");
    }

    @Test
    void theOpenApiDescriptionGivesTheFlagsAndLineNumberOfASubmittedSummaryTheJsonTypesOfTheExample() {
        JsonNode schemas = get(null, "/v3/api-docs").json().at("/components/schemas");

        assertThat(schemas.at("/SubmittedEntrySummary/properties/postSummaryCorrection/type")
                        .asString())
                .isEqualTo("boolean");
        assertThat(schemas.at("/SubmittedLine/properties/lineNumber/type").asString())
                .isEqualTo("integer");
        assertThat(schemas.at("/SubmittedLine/properties/relatedParty/type").asString())
                .isEqualTo("boolean");
        assertThat(schemas.at("/SubmittedEntrySummary/properties/postSummaryCorrection/example")
                        .isBoolean())
                .isTrue();
        assertThat(schemas.at("/SubmittedLine/properties/lineNumber/example").isNumber())
                .isTrue();
        assertThat(schemas.at("/SubmittedLine/properties/enteredValue/type").asString())
                .as("money stays a decimal string")
                .isEqualTo("string");
        assertThat(schemas.at("/SubmittedEntrySummary/properties/entryDate/type")
                        .asString())
                .isEqualTo("string");
    }

    /** A valid summary but for its size: a description of 5 MiB, past the limit of a JSON body. */
    private static String overFiveMebibytes(String number) {
        return laptops(number, importer()).replace("goods of line 1", "x".repeat(5 << 20));
    }

    private static JsonNode errorWithCode(JsonNode body, String code) {
        for (JsonNode error : body.get("errors")) {
            if (error.get("code").asString().equals(code)) {
                return error;
            }
        }
        throw new AssertionError("No error " + code + " in " + body);
    }
}
