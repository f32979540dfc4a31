package io.centerline.entries;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.laptops;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.oneLine;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.entries.intake.IntakeFormat;
import io.centerline.entries.intake.SummaryWriter;
import io.centerline.support.ApiTest;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class BatchIntakeIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private static final String BATCHES = "/api/v1/entry-summaries/batches";
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @Test
    void aRecordWhoseEntryNumberIsAnyLengthOfTextIsRejectedAloneAndItsNumberCutShort() {
        String first = entryNumber("ABC");
        String last = entryNumber("ABC");
        String importer = importer();
        String endless = "X".repeat(3_000);
        String batch = String.join(
                "\n",
                oneLine(laptops(first, importer)),
                oneLine(laptops(first, importer)).replace(first, endless),
                oneLine(laptops(last, importer)));

        Response answer = post(FILER, BATCHES, NDJSON, batch);
        Response alone = post(
                FILER,
                "/api/v1/entry-summaries",
                MediaType.APPLICATION_JSON,
                laptops(first, importer).replace(first, endless));

        assertThat(answer.code()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rejected/0/entryNumber").asString()).isEqualTo("X".repeat(40) + "\u2026");
        assertThat(alone.code()).as(alone.body()).isEqualTo(422);
    }

    @Test
    void badRecordsInANdjsonBatchAreReportedWhileTheGoodOnesAreStored() {
        String first = entryNumber("ABC");
        String second = entryNumber("ABC");
        String third = entryNumber("ABC");
        String badCheckDigit = entryNumber("ABC");
        badCheckDigit = badCheckDigit.substring(0, 12) + ((badCheckDigit.charAt(12) - '0' + 3) % 10);
        String importer = importer();
        String batch = String.join(
                "\n",
                oneLine(laptops(first, importer)),
                "{\"entryNumber\": \"broken json",
                oneLine(laptops(second, importer)),
                oneLine(laptops(badCheckDigit, importer)),
                "",
                oneLine(laptops(first, importer)),
                oneLine(laptops(third, importer)));

        Response answer = post(FILER, BATCHES, NDJSON, batch);

        assertThat(answer.code()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(3);
        assertThat(body.get("duplicates").asInt()).isEqualTo(1);
        assertThat(body.get("rejected")).hasSize(2);
        assertThat(body.at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(body.at("/rejected/0/errors/0/code").asString()).isEqualTo("JSON_SYNTAX");
        assertThat(body.at("/rejected/1/record").asInt()).isEqualTo(4);
        assertThat(body.at("/rejected/1/entryNumber").asString()).isEqualTo(badCheckDigit.replace("-", ""));
        assertThat(body.at("/rejected/1/errors/0/code").asString()).isEqualTo("ENTRY_NUMBER_CHECK_DIGIT");
        for (String number : List.of(first, second, third)) {
            assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                            .code())
                    .isEqualTo(200);
        }
        assertThat(get(SPECIALIST, "/api/v1/entry-summaries/" + badCheckDigit.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void summariesEnteredBeforeEveryFeeScheduleOnFileAreStoredBesideGoodOnesAndOlderThanTheClocksAreRejectedAlone() {
        String fresh = entryNumber("ABC");
        String fy2022 = entryNumber("ABC");
        String fy2011 = entryNumber("ABC");
        String importer = importer();
        String batch = String.join(
                "\n",
                oneLine(laptops(fresh, importer)),
                oneLine(summary(
                        fy2022,
                        "01",
                        importer,
                        "2022-09-30",
                        "2022-10-07",
                        false,
                        line(1, "8471300100", "200000.00", null))),
                oneLine(summary(
                        fy2011,
                        "01",
                        importer,
                        "2011-09-21",
                        "2011-09-30",
                        false,
                        line(1, "8471300100", "100.00", null))));

        Response answer = post(FILER, BATCHES, NDJSON, batch);

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rejected/0/record").asInt()).isEqualTo(3);
        assertThat(answer.json().at("/rejected/0/errors/0/code").asString()).isEqualTo("ENTRY_DATE_TOO_EARLY");
        JsonNode old =
                get(FILER, "/api/v1/entry-summaries/" + fy2022.replace("-", "")).json();
        assertThat(old.get("status").asString()).isEqualTo("DEEMED_LIQUIDATED");
        assertThat(old.at("/clocks/liquidationDeadline").asString()).isEqualTo("2023-09-30");
        assertThat(old.at("/fees/mpf").asString()).isEqualTo("575.35");
        assertThat(old.at("/fees/mpfFiscalYear").asInt()).isEqualTo(2022);
        assertThat(old.get("warnings").findValuesAsString("code")).contains("FEE_SCHEDULE_NOT_ON_FILE");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + fresh.replace("-", ""))
                        .code())
                .isEqualTo(200);
    }

    @Test
    void anEntryNumberHoldingAControlCharacterIsRejectedWithoutOneAndTheBatchIsAnswered() {
        String good = entryNumber("ABC");
        String importer = importer();
        String bad = oneLine(laptops(entryNumber("ABC"), importer))
                .replaceFirst("\"entryNumber\": \"ABC", "\"entryNumber\": \"AB\\\\u0000C");

        Response answer = post(FILER, BATCHES, NDJSON, String.join("\n", oneLine(laptops(good, importer)), bad));

        assertThat(answer.code()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rejected/0/entryNumber").isNull()).isTrue();
    }

    @Test
    void aSummaryTheDatabaseRefusesAfterValidationPassedItIsRejectedAloneAndTheRestOfItsChunkIsStored() {
        String first = entryNumber("ABC");
        String refused = entryNumber("ABC");
        String third = entryNumber("ABC");
        String importer = importer();
        String batch = String.join(
                "\n",
                oneLine(laptops(first, importer)),
                oneLine(laptops(refused, importer)).replace("goods of line 1", "refused by the database"),
                oneLine(laptops(third, importer)));
        jdbc.sql("alter table entry_line add constraint refused_by_this_test"
                        + " check (description is distinct from 'refused by the database')")
                .update();
        Response answer;
        try {
            answer = post(FILER, BATCHES, NDJSON, batch);
        } finally {
            jdbc.sql("alter table entry_line drop constraint refused_by_this_test")
                    .update();
        }

        assertThat(answer.code()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected")).hasSize(1);
        assertThat(body.at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(body.at("/rejected/0/entryNumber").asString()).isEqualTo(refused.replace("-", ""));
        assertThat(body.at("/rejected/0/errors/0/code").asString()).isEqualTo("STORE_REFUSED");
        assertThat(body.at("/rejected/0/errors/0/message").asString())
                .contains("the database refused to store it (new row for relation \"entry_line\" violates check"
                        + " constraint \"refused_by_this_test\")");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + first.replace("-", ""))
                        .code())
                .isEqualTo(200);
        assertThat(get(FILER, "/api/v1/entry-summaries/" + third.replace("-", ""))
                        .code())
                .isEqualTo(200);
        assertThat(get(SPECIALIST, "/api/v1/entry-summaries/" + refused.replace("-", ""))
                        .code())
                .isEqualTo(404);
        assertThat(jdbc.sql("select action from audit_log where subject_id = ?")
                        .param(refused.replace("-", ""))
                        .query(String.class)
                        .list())
                .as("the refusal is audited as any rejection is")
                .containsExactly("ENTRY_SUMMARY_REJECTED");
    }

    @Test
    void aVesselEntryOfTheLargestValidValueIsStoredWithItsHarborMaintenanceFee() {
        String number = entryNumber("ABC");
        String summary = laptops(number, importer()).replace("125000.00", "99999999999999.99");

        Response answer = post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, summary);

        assertThat(answer.code()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().at("/totals/enteredValue").asString()).isEqualTo("99999999999999.99");
        // 0.125 % of it, 124,999,999,999.9999875, rounded to the cent
        assertThat(answer.json().at("/fees/hmf").asString()).isEqualTo("125000000000.00");
    }

    @Test
    void aJsonLineLongerThanTheLimitIsRejectedUnreadWhileTheSummariesAroundItAreStored() {
        String before = entryNumber("ABC");
        String after = entryNumber("ABC");
        String importer = importer();
        String tooLong = "{\"entryNumber\": \"" + entryNumber("ABC") + "\", \"lines\": [{\"description\": \""
                + "x".repeat(5 << 20) + "\"}]}";
        String batch =
                String.join("\n", oneLine(laptops(before, importer)), tooLong, oneLine(laptops(after, importer)));

        Response answer = post(FILER, BATCHES, NDJSON, batch);

        assertThat(answer.code()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected")).hasSize(1);
        assertThat(body.at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(body.at("/rejected/0/errors/0/code").asString()).isEqualTo("JSON_LINE_TOO_LONG");
        assertThat(body.at("/rejected/0/errors/0/message").asString())
                .isEqualTo("File line 2 is " + String.format(Locale.ROOT, "%,d", tooLong.length())
                        + " bytes long; a summary may take at most 4,194,304 bytes on its line.");
        for (String number : List.of(before, after)) {
            assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                            .code())
                    .isEqualTo(200);
        }
    }

    @Test
    void aCsvRowThatBreaksTheQuotingRulesCostsOnlyItsOwnSummaryAndTheSummariesAroundItAreStored() {
        String before = entryNumber("CSV");
        String broken = entryNumber("CSV");
        String after = entryNumber("CSV");
        String importer = importer();
        String header = "entryNumber,entryType,importerNumber,portOfEntry,entryDate,summaryDate,modeOfTransport,"
                + "line.lineNumber,line.htsNumber,line.countryOfOrigin,line.countryOfExport,line.manufacturerId,"
                + "line.description,line.enteredValue,line.quantity,line.unit,line.dutyAmount,line.relatedParty";
        String rest = ",01," + importer + ",2709,2026-04-01,2026-04-08,11,";
        String line = ",6109100012,VN,VN,VNGARTEX45HCM,";
        String rows = String.join(
                "\n",
                header,
                before + rest + 1 + line + "cotton t-shirts,40000.00,10000,DOZ,6600.00,false",
                broken + rest + 1 + line + "cotton t-shirts,40000.00,10000,DOZ,6600.00,false",
                broken + rest + 2 + line + "\"cotton\" t-shirts,40000.00,10000,DOZ,6600.00,false",
                broken + rest + 3 + line + "cotton t-shirts,40000.00,10000,DOZ,6600.00,false",
                after + rest + 1 + line + "cotton t-shirts,40000.00,10000,DOZ,6600.00,false");

        Response answer = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), rows);

        assertThat(answer.code()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected")).hasSize(1);
        assertThat(body.at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(body.at("/rejected/0/entryNumber").asString()).isEqualTo(broken);
        assertThat(body.at("/rejected/0/errors/0/code").asString()).isEqualTo("CSV_SYNTAX");
        assertThat(body.at("/rejected/0/errors/0/message").asString())
                .startsWith("The CSV row from file line 4 cannot be read: ")
                .endsWith("Reading goes on at file line 5. The row is a line of entry " + broken
                        + ", which is rejected whole.");
        for (String number : List.of(before, after)) {
            assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                            .code())
                    .isEqualTo(200);
        }
        assertThat(get(FILER, "/api/v1/entry-summaries/" + broken.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aJsonBodySentToTheBatchEndpointIsAnsweredWithTheTypesItReadsAndWhereOneSummaryGoes() {
        Response answer = post(FILER, BATCHES, MediaType.APPLICATION_JSON, "[{\"entryNumber\": \"ABC-1234567-6\"}]");

        assertThat(answer.code()).isEqualTo(415);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(answer.json().at("/errors/0/message").asString())
                .startsWith("This endpoint does not read Content-Type application/json; it reads ")
                .contains("application/x-ndjson", "text/csv", "text/plain")
                .endsWith("a single summary as one JSON object goes to POST /api/v1/entry-summaries.");
    }

    @Test
    void aCsvBatchGroupsTheRowsOfEachSummaryIntoOneWithItsLines() {
        String number = entryNumber("CSV");
        String importer = importer();
        String header = "entryNumber,entryType,importerNumber,portOfEntry,entryDate,summaryDate,modeOfTransport,"
                + "line.lineNumber,line.htsNumber,line.countryOfOrigin,line.countryOfExport,line.manufacturerId,"
                + "line.description,line.enteredValue,line.quantity,line.unit,line.dutyAmount,line.fees,"
                + "line.relatedParty";
        String rows = String.join(
                "\n",
                header,
                number + ",01," + importer + ",2709,2026-04-01,2026-04-08,11,1,6109100012,VN,VN,VNGARTEX45HCM,"
                        + "\"cotton t-shirts, knitted\",40000.00,10000,DOZ,6600.00,499=138.56,N",
                number + ",01," + importer + ",2709,2026-04-01,2026-04-08,11,2,6110202079,VN,VN,VNGARTEX45HCM,"
                        + "cotton sweaters,20000.00,2000,DOZ,3300.00,,N");

        Response answer = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), rows);

        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode stored =
                get(FILER, "/api/v1/entry-summaries/" + number.replace("-", "")).json();
        assertThat(stored.get("lines")).hasSize(2);
        assertThat(stored.get("center").asString()).isEqualTo("AFT");
        assertThat(stored.at("/totals/enteredValue").asString()).isEqualTo("60000.00");
        assertThat(stored.at("/fees/mpfDeclared").asString()).isEqualTo("138.56");
        assertThat(stored.at("/fees/mpf").asString()).isEqualTo("207.84");
    }

    @Test
    void aCsvHoldingAnOriginalAndItsCorrectionOnAdjacentRowsStoresBothVersions() {
        String number = entryNumber("CSV");
        String importer = importer();
        String header = "entryNumber,postSummaryCorrection,entryType,importerNumber,portOfEntry,entryDate,summaryDate,"
                + "modeOfTransport,line.lineNumber,line.htsNumber,line.countryOfOrigin,line.countryOfExport,"
                + "line.manufacturerId,line.description,line.enteredValue,line.quantity,line.unit,line.dutyAmount,"
                + "line.relatedParty";
        String rest = ",01," + importer + ",2709,2026-04-01,2026-04-08,11,";
        String rows = String.join(
                "\n",
                header,
                number + ",false" + rest
                        + "1,6109100012,VN,VN,VNGARTEX45HCM,cotton t-shirts,40000.00,10000,DOZ,6600.00,false",
                number + ",false" + rest
                        + "2,6110202079,VN,VN,VNGARTEX45HCM,cotton sweaters,20000.00,2000,DOZ,3300.00,false",
                number.replace("-", "") + ",true" + rest
                        + "1,6109100012,VN,VN,VNGARTEX45HCM,cotton t-shirts,40000.00,10000,DOZ,6600.00,false",
                number.replace("-", "") + ",true" + rest
                        + "2,6110202079,VN,VN,VNGARTEX45HCM,cotton pullovers,20000.00,2000,DOZ,3300.00,false");

        Response answer = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), rows);

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(2);
        assertThat(answer.json().get("rejected")).isEmpty();
        String path = "/api/v1/entry-summaries/" + number.replace("-", "");
        assertThat(get(FILER, path + "/versions").json()).hasSize(2);
        for (int version = 1; version <= 2; version++) {
            JsonNode stored = get(FILER, path + "?version=" + version).json();
            assertThat(stored.get("lines")).hasSize(2);
            assertThat(stored.at("/lines/1/description").asString())
                    .isEqualTo(version == 1 ? "cotton sweaters" : "cotton pullovers");
        }
    }

    @Test
    void aCsvHoldingAnOriginalAndACorrectionWhoseFirstRowAddsALineStoresBothVersions() {
        String number = entryNumber("CSV");
        String importer = importer();
        String header = "entryNumber,postSummaryCorrection,entryType,importerNumber,portOfEntry,entryDate,summaryDate,"
                + "modeOfTransport,line.lineNumber,line.htsNumber,line.countryOfOrigin,line.countryOfExport,"
                + "line.manufacturerId,line.description,line.enteredValue,line.quantity,line.unit,line.dutyAmount,"
                + "line.relatedParty";
        String rest = ",01," + importer + ",2709,2026-04-01,2026-04-08,11,";
        String tShirts = "1,6109100012,VN,VN,VNGARTEX45HCM,cotton t-shirts,40000.00,10000,DOZ,6600.00,false";
        String sweaters = "2,6110202079,VN,VN,VNGARTEX45HCM,cotton sweaters,20000.00,2000,DOZ,3300.00,false";
        String rows = String.join(
                "\n",
                header,
                number + ",false" + rest + tShirts,
                number + ",false" + rest + sweaters,
                number + ",true" + rest
                        + "3,6110202079,VN,VN,VNGARTEX45HCM,cotton pullovers,5000.00,500,DOZ,825.00,false",
                number + ",true" + rest + tShirts,
                number + ",true" + rest + sweaters);

        Response answer = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), rows);

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(2);
        assertThat(answer.json().get("rejected")).isEmpty();
        String path = "/api/v1/entry-summaries/" + number.replace("-", "");
        assertThat(get(FILER, path + "?version=1").json().get("lines")).hasSize(2);
        assertThat(get(FILER, path + "?version=2")
                        .json()
                        .at("/lines/2/description")
                        .asString())
                .isEqualTo("cotton pullovers");
    }

    @Test
    void anNdjsonSummaryWhoseLineLeavesOutItsRelatedPartyFlagIsRejectedNamingItWhileTheOthersAreStored() {
        String good = entryNumber("ABC");
        String silent = entryNumber("ABC");
        String importer = importer();
        String batch = String.join(
                "\n",
                oneLine(laptops(good, importer)),
                oneLine(summary(
                        silent,
                        "01",
                        importer,
                        "2026-03-02",
                        "2026-03-12",
                        false,
                        line(1, "8471300100", "100.00", null),
                        line(2, "8471300100", "200.00", null).replace("\"relatedParty\": false,", ""))));

        Response answer = post(FILER, BATCHES, NDJSON, batch);

        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(1);
        assertThat(answer.json().at("/rejected/0/record").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rejected/0/errors")).hasSize(1);
        assertThat(answer.json().at("/rejected/0/errors/0/line").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rejected/0/errors/0/field").asString()).isEqualTo("relatedParty");
        assertThat(answer.json().at("/rejected/0/errors/0/code").asString()).isEqualTo("REQUIRED");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + silent.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aCsvSummaryWithABlankRelatedPartyOrDescriptionOnOneRowIsRejectedWholeNamingThem() {
        String number = entryNumber("CSV");
        String withoutColumn = entryNumber("CSV");
        String importer = importer();
        String header = "entryNumber,entryType,importerNumber,portOfEntry,entryDate,summaryDate,modeOfTransport,"
                + "line.lineNumber,line.htsNumber,line.countryOfOrigin,line.countryOfExport,line.manufacturerId,"
                + "line.description,line.enteredValue,line.quantity,line.unit,line.dutyAmount,line.relatedParty";
        String rest = ",01," + importer + ",2709,2026-04-01,2026-04-08,11,";
        String rows = String.join(
                "\n",
                header,
                number + rest + "1,6109100012,VN,VN,VNGARTEX45HCM,cotton t-shirts,40000.00,10000,DOZ,6600.00,Y",
                number + rest + "2,6110202079,VN,VN,VNGARTEX45HCM,,20000.00,2000,DOZ,3300.00,");
        String noColumn = String.join(
                "\n",
                header.replace(",line.relatedParty", ""),
                withoutColumn + rest + "1,6109100012,VN,VN,VNGARTEX45HCM,cotton t-shirts,40000.00,10000,DOZ,6600.00");

        Response answer = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), rows);
        Response noColumnAnswer = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), noColumn);

        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isZero();
        JsonNode errors = answer.json().at("/rejected/0/errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("description", "relatedParty");
        assertThat(errors.findValuesAsString("line")).containsOnly("2");
        assertThat(errors.findValuesAsString("code")).containsOnly("REQUIRED");
        assertThat(noColumnAnswer.json().get("accepted").asInt()).isZero();
        assertThat(noColumnAnswer.json().at("/rejected/0/errors/0/field").asString())
                .isEqualTo("relatedParty");
        for (String stored : List.of(number, withoutColumn)) {
            assertThat(get(FILER, "/api/v1/entry-summaries/" + stored.replace("-", ""))
                            .code())
                    .isEqualTo(404);
        }
    }

    @Test
    void eachRejectedRecordNamesTheFileLineItStartsOnInEveryBatchForm() {
        String importer = importer();
        String good = entryNumber("ABC");
        String ndjson = String.join(
                "\n",
                oneLine(laptops(good, importer)),
                "",
                "{\"entryNumber\": \"broken json",
                oneLine(laptops(entryNumber("ABC"), importer)).replace("\"2704\"", "\"9999\""));
        String header = "entryNumber,entryType,importerNumber,portOfEntry,entryDate,summaryDate,modeOfTransport,"
                + "line.lineNumber,line.htsNumber,line.countryOfOrigin,line.countryOfExport,line.manufacturerId,"
                + "line.description,line.enteredValue,line.quantity,line.unit,line.dutyAmount,line.relatedParty";
        String rest = ",01," + importer + ",2709,2026-04-01,2026-04-08,11,";
        String csv = String.join(
                "\n",
                header,
                entryNumber("CSV") + rest + "1,6109100012,VN,VN,VNGARTEX45HCM,\"cotton\nt-shirts\",40000.00,10,DOZ,0,N",
                entryNumber("CSV") + rest + "1,6109100012,VN,VN,VNGARTEX45HCM,cotton t-shirts,40000.00,10,DOZ,0,",
                entryNumber("CSV") + rest + "1,6109100012,VN,VN,VNGARTEX45HCM,cotton t-shirts,40000.00,10,DOZ,0,N");
        SubmittedEntrySummary laptops = laptopsAsSubmitted(entryNumber("ABC"), importer, "2026-03-25");
        String ae = ae(
                laptops,
                withLine(
                        laptopsAsSubmitted(entryNumber("ABC"), importer, "2026-03-25"),
                        new SubmittedEntrySummary.Line(
                                "1",
                                "8471300100",
                                List.of(),
                                "VN",
                                "VN",
                                "VNSAMELE12HAN",
                                "portable laptop computers",
                                "125000",
                                "500",
                                "NO",
                                "1200",
                                null,
                                "0.00",
                                null,
                                null,
                                List.of())));
        List<String> records = ae.lines().toList();
        long secondTransaction = 0;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).startsWith("10")) {
                secondTransaction = i + 1;
            }
        }

        Response fromNdjson = post(FILER, BATCHES, NDJSON, ndjson);
        Response fromCsv = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), csv);
        Response fromAe = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae);

        assertThat(fromNdjson.json().at("/rejected/0/record").asInt())
                .as(fromNdjson.body())
                .isEqualTo(2);
        assertThat(fromNdjson.json().at("/rejected/0/fileLine").asLong()).isEqualTo(3);
        assertThat(fromNdjson.json().at("/rejected/1/record").asInt()).isEqualTo(3);
        assertThat(fromNdjson.json().at("/rejected/1/fileLine").asLong()).isEqualTo(4);
        assertThat(fromCsv.json().at("/rejected/0/record").asInt())
                .as(fromCsv.body())
                .isEqualTo(2);
        assertThat(fromCsv.json().at("/rejected/0/fileLine").asLong()).isEqualTo(4);
        assertThat(fromAe.json().at("/rejected/0/record").asInt())
                .as(fromAe.body())
                .isEqualTo(2);
        assertThat(fromAe.json().at("/rejected/0/fileLine").asLong()).isEqualTo(secondTransaction);
    }

    @Test
    void aCsvWithAColumnCentrelineDoesNotKnowIsRefusedWhole() {
        Response answer =
                post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), "entryNumber,colour\nABC12345676,red\n");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_UNKNOWN_COLUMN");
        assertThat(answer.body()).contains("colour");
    }

    @Test
    void aCsvHeaderNamingUnknownColumnsOfAnyLengthOrNumberIsRefusedInAnAnswerThatDoesNotGrowWithThem() {
        String known = "entryNumber,entryType,importerNumber,portOfEntry,entryDate,summaryDate,modeOfTransport,"
                + "line.lineNumber,line.htsNumber,line.countryOfOrigin,line.countryOfExport,line.manufacturerId,"
                + "line.description,line.enteredValue,line.quantity,line.unit,line.dutyAmount,line.relatedParty";
        StringBuilder many = new StringBuilder(known);
        for (int i = 1; i <= 20_000; i++) {
            many.append(",colour").append(i);
        }

        Response longName =
                post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), known + "," + "X".repeat(100_000) + "\n");
        Response manyNames = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), many + "\n");

        assertThat(longName.code()).isEqualTo(400);
        assertThat(longName.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_UNKNOWN_COLUMN");
        assertThat(longName.json().at("/errors/0/message").asString())
                .startsWith("Unknown CSV column '" + "X".repeat(40) + "\u2026'; the columns are entryNumber,");
        assertThat(longName.body().length()).isLessThan(2_000);
        assertThat(manyNames.code()).isEqualTo(400);
        assertThat(manyNames.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_UNKNOWN_COLUMN");
        assertThat(manyNames.json().at("/errors/0/message").asString())
                .startsWith("Unknown CSV columns 'colour1', 'colour2', 'colour3', 'colour4', 'colour5' and 19,995 more;"
                        + " the columns are entryNumber,");
        assertThat(manyNames.body().length()).isLessThan(2_000);
    }

    @Test
    void aCsvHeaderRepeatingColumnsOfAnyLengthOrNumberIsRefusedInAnAnswerThatDoesNotGrowWithThem() {
        String endless = "X".repeat(100_000);
        StringBuilder many = new StringBuilder("entryNumber");
        for (int i = 1; i <= 2_000; i++) {
            many.append(",c").append(i).append(",c").append(i);
        }

        Response longName =
                post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), "entryNumber," + endless + "," + endless);
        Response manyNames = post(FILER, BATCHES, MediaType.parseMediaType("text/csv"), many + "\n");

        assertThat(longName.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_REPEATED_COLUMN");
        assertThat(longName.json().at("/errors/0/message").asString())
                .startsWith("The CSV header names the column " + "X".repeat(40) + "\u2026 twice;");
        assertThat(manyNames.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_REPEATED_COLUMN");
        assertThat(manyNames.json().at("/errors/0/message").asString())
                .startsWith("The CSV header names the columns c1 twice, c2 twice, c3 twice, c4 twice, c5 twice and"
                        + " 1,995 more;");
        assertThat(manyNames.body().length()).isLessThan(1_000);
    }

    @Test
    void aBatchFormatOfAnyLengthIsEchoedInAtMostFortyCharacters() {
        Response answer = post(FILER, BATCHES + "?format=" + "Y".repeat(3_000), MediaType.TEXT_PLAIN, "10 ...");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/message").asString())
                .isEqualTo("Unknown format '" + "Y".repeat(40) + "\u2026'; use jsonl, csv or catair-ae");
    }

    @Test
    void aCsvSavedAsUtf16IsRefusedWholeSayingSo() {
        Response answer = post(
                FILER,
                BATCHES,
                MediaType.parseMediaType("text/csv"),
                new String(
                        "entryNumber,entryType\nABC12345676,01\n".getBytes(StandardCharsets.UTF_16LE),
                        StandardCharsets.ISO_8859_1));

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("CSV_ENCODING");
        assertThat(answer.json().at("/errors/0/message").asString()).contains("UTF-16", "save the file as UTF-8");
    }

    @Test
    void anNdjsonBatchSavedAsUtf16IsRefusedWholeNamingItsEncodingAndNothingOfItIsStored() throws Exception {
        String first = entryNumber("ABC");
        String second = entryNumber("ABC");
        String importer = importer();
        String batch = "\uFEFF" + oneLine(laptops(first, importer)) + "\n" + oneLine(laptops(second, importer)) + "\n";

        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Response answer = postStreamed(FILER, BATCHES, NDJSON, batch.getBytes(charset));

            assertThat(answer.code()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("errors")).hasSize(1);
            assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("JSON_ENCODING");
            assertThat(answer.json().at("/errors/0/message").asString())
                    .contains("byte order mark of UTF-16", "save or send it as UTF-8");
        }
        for (String number : List.of(first, second)) {
            assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                            .code())
                    .isEqualTo(404);
        }
    }

    @Test
    void anNdjsonBatchInUtf8WithAByteOrderMarkIsStoredWhole() throws Exception {
        String first = entryNumber("ABC");
        String second = entryNumber("ABC");
        String importer = importer();
        String batch = "\uFEFF" + oneLine(laptops(first, importer)) + "\n" + oneLine(laptops(second, importer)) + "\n";

        Response answer = postStreamed(FILER, BATCHES, NDJSON, batch.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.code()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void aCsvWhoseHeaderNamesAColumnTwiceIsRefusedWhole() {
        Response answer = post(
                FILER,
                BATCHES,
                MediaType.parseMediaType("text/csv"),
                "entryNumber,line.description,line.description\nABC12345676,laptops,tablets\n");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_REPEATED_COLUMN");
        assertThat(answer.body()).contains("The CSV header names the column line.description twice");
    }

    @Test
    void aGeneratedCatairFileIsReadIntoTheSameSummariesAsJsonWithTheFeesItDeclares() {
        List<GeneratedEntry> generated = new ArrayList<>();
        new EntrySummaryGenerator(GeneratorSettings.of(120, 977, LocalDate.of(2026, 6, 30))).forEach(generated::add);
        StringWriter text = new StringWriter();
        try (SummaryWriter writer = IntakeFormat.CATAIR_AE.writer(text)) {
            generated.forEach(entry -> writer.write(entry.summary()));
        }

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, text.toString());

        assertThat(answer.json().get("rejected")).isEmpty();
        assertThat(answer.json().get("accepted").asInt()
                        + answer.json().get("duplicates").asInt())
                .isEqualTo(120);
        for (GeneratedEntry entry : generated) {
            JsonNode read = get(
                            FILER,
                            "/api/v1/entry-summaries/"
                                    + EntryNumber.parse(entry.summary().entryNumber()))
                    .json();
            assertThat(read.get("warnings").toString())
                    .as(entry.summary().entryNumber())
                    .doesNotContain("MPF_DIFFERS", "HMF_DIFFERS");
        }
        GeneratedEntry first = generated.get(0);
        JsonNode stored = get(
                        FILER,
                        "/api/v1/entry-summaries/"
                                + EntryNumber.parse(first.summary().entryNumber()))
                .json();
        assertThat(stored.get("lines")).hasSize(first.summary().lines().size());
        assertThat(stored.get("importerNumber").asString())
                .isEqualTo(first.summary().importerNumber());
    }

    @Test
    void anAeFileSavedAsUtf16IsRefusedWholeNamingItsEncodingAndNothingOfItIsStored() throws Exception {
        List<GeneratedEntry> generated = new ArrayList<>();
        new EntrySummaryGenerator(GeneratorSettings.of(2, 978, LocalDate.of(2026, 6, 30))).forEach(generated::add);
        StringWriter text = new StringWriter();
        try (SummaryWriter writer = IntakeFormat.CATAIR_AE.writer(text)) {
            generated.forEach(entry -> writer.write(entry.summary()));
        }

        for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
            Response answer = postStreamed(
                    FILER,
                    BATCHES + "?format=catair-ae",
                    MediaType.TEXT_PLAIN,
                    text.toString().getBytes(charset));

            assertThat(answer.code()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("errors")).hasSize(1);
            assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("CATAIR_ENCODING");
            assertThat(answer.json().at("/errors/0/message").asString()).contains("UTF-16", "ASCII or UTF-8");
        }
        for (GeneratedEntry entry : generated) {
            assertThat(get(
                                    FILER,
                                    "/api/v1/entry-summaries/"
                                            + EntryNumber.parse(entry.summary().entryNumber()))
                            .code())
                    .isEqualTo(404);
        }
    }

    @Test
    void anAeFileWhoseGoodsArrivedBeforeTheEntryDateIsAcceptedAsASummaryFiledOnTheDayItIsReceived() {
        String number = entryNumber("ABC");
        String ae = ae(laptopsAsSubmitted(number, importer(), "2026-03-25"))
                .replace("031526031526", "031526031026"); // arrived on 10 March, entered on 15 March

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae);

        assertThat(answer.json().get("rejected")).as(answer.body()).isEmpty();
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode stored =
                get(FILER, "/api/v1/entry-summaries/" + number.replace("-", "")).json();
        assertThat(stored.get("entryDate").asString()).isEqualTo("2026-03-15");
        assertThat(stored.get("summaryDate").asString()).as("the business date").isEqualTo("2026-06-30");
        assertThat(stored.at("/clocks/liquidationDeadline").asString()).isEqualTo("2027-03-15");
    }

    @Test
    void anAeFileWhoseGoodsArrivedAfterTheEntryDateIsRefusedNamingTheImportDate() {
        String number = entryNumber("ABC");
        String ae = ae(laptopsAsSubmitted(number, importer(), "2026-03-25")).replace("031526031526", "031526031826");

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae);

        assertThat(answer.json().get("accepted").asInt()).isZero();
        assertThat(answer.json().at("/rejected/0/errors/0/code").asString()).isEqualTo("IMPORT_DATE_AFTER_ENTRY");
        assertThat(answer.json().at("/rejected/0/errors/0/field").asString()).isEqualTo("importDate");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void anAeLineWhoseChapter99ProvisionDeclaresItsDutyOnItsOwnFiftyRecordIsStoredWithThatDuty() {
        String number = entryNumber("ABC");
        SubmittedEntrySummary laptops = laptopsAsSubmitted(number, importer(), "2026-03-25");
        SubmittedEntrySummary.Line line = laptops.lines().get(0);
        String written = ae(withLine(
                laptops,
                new SubmittedEntrySummary.Line(
                        line.lineNumber(),
                        "7208100000",
                        List.of("9903880300"),
                        line.countryOfOrigin(),
                        line.countryOfExport(),
                        line.manufacturerId(),
                        "hot-rolled steel coils",
                        "10000",
                        line.quantity(),
                        line.unit(),
                        line.grossWeightKg(),
                        line.relatedParty(),
                        "25.00",
                        null,
                        null,
                        List.of())));
        // the Section 232 duty on the chapter 99 provision's 50 record, none on the classification's
        String ae = written.replace("509903880300 0000000000", "509903880300 0000002500")
                .replace("507208100000 0000002500", "507208100000 0000000000");

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae);

        assertThat(ae).isNotEqualTo(written).contains("90000000002500");
        assertThat(answer.json().get("rejected")).as(answer.body()).isEmpty();
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode stored =
                get(FILER, "/api/v1/entry-summaries/" + number.replace("-", "")).json();
        assertThat(stored.at("/lines/0/dutyAmount").asString()).isEqualTo("25.00");
        assertThat(stored.at("/totals/duty").asString()).isEqualTo("25.00");
    }

    @Test
    void anAeLineWithABlankRelatedPartyIndicatorIsRefusedNeverReadAsUnrelated() {
        String number = entryNumber("ABC");
        SubmittedEntrySummary laptops = laptopsAsSubmitted(number, importer(), "2026-03-25");
        SubmittedEntrySummary.Line line = laptops.lines().get(0);
        String ae = ae(withLine(
                laptops,
                new SubmittedEntrySummary.Line(
                        line.lineNumber(),
                        line.htsNumber(),
                        line.additionalHtsNumbers(),
                        line.countryOfOrigin(),
                        line.countryOfExport(),
                        line.manufacturerId(),
                        null,
                        line.enteredValue(),
                        line.quantity(),
                        line.unit(),
                        line.grossWeightKg(),
                        null,
                        line.dutyAmount(),
                        line.adcvdCaseNumber(),
                        line.adcvdDeposit(),
                        line.fees())));

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae);

        assertThat(ae.lines().filter(record -> record.startsWith("40")))
                .allSatisfy(record -> assertThat(record.charAt(55)).isEqualTo(' '));
        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isZero();
        JsonNode errors = answer.json().at("/rejected/0/errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("relatedParty", "description");
        assertThat(errors.findValuesAsString("code")).containsOnly("REQUIRED");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aChapter99ProvisionInThe8DigitsItIsPublishedWithIsStoredAsWrittenFromJsonAndFromAe() {
        String fromJson = entryNumber("ABC");
        String fromAe = entryNumber("ABC");
        StringWriter json = new StringWriter();
        try (SummaryWriter writer = IntakeFormat.JSONL.writer(json)) {
            writer.write(withAdditional(laptopsAsSubmitted(fromJson, importer(), "2026-03-25"), "9903.88.03"));
        }

        Response jsonAnswer = post(FILER, BATCHES, NDJSON, json.toString());
        Response aeAnswer = post(
                FILER,
                BATCHES + "?format=catair-ae",
                MediaType.TEXT_PLAIN,
                ae(withAdditional(laptopsAsSubmitted(fromAe, importer(), "2026-03-25"), "99038803")));

        assertThat(jsonAnswer.json().get("accepted").asInt())
                .as(jsonAnswer.body())
                .isEqualTo(1);
        assertThat(aeAnswer.json().get("accepted").asInt()).as(aeAnswer.body()).isEqualTo(1);
        for (String number : List.of(fromJson, fromAe)) {
            assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                            .json()
                            .at("/lines/0/additionalHtsNumbers"))
                    .extracting(JsonNode::asString)
                    .containsExactly("99038803");
        }
    }

    @Test
    void anAeTransactionTheFileEndsInsideAfterAYRecordIsRefusedAndNothingOfItIsStoredWhileTheOneBeforeIsKept() {
        String kept = entryNumber("ABC");
        String cut = entryNumber("XYZ");
        SubmittedEntrySummary twoLines = withLines(laptopsAsSubmitted(cut, importer(), "2026-03-25"), 2);
        // the writer closes the block of the first filer with a Y and opens the second's with a B, left out here: the
        // second transaction stands after the Y in no block, in the file the A record opens
        List<String> records = new ArrayList<>(ae(laptopsAsSubmitted(kept, importer(), "2026-03-25"), twoLines)
                .lines()
                .toList());
        records.remove(lastIndexOf(records, "B"));
        int secondHeader = lastIndexOf(records, "10");
        int secondLine = secondHeader + 1;
        while (!records.get(secondLine).startsWith("40")) {
            secondLine++;
        }
        do {
            secondLine++;
        } while (!records.get(secondLine).startsWith("40"));
        String ae = String.join("\n", records.subList(0, secondLine)) + "\n";

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae);

        assertThat(records.get(secondHeader - 1)).startsWith("Y");
        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(1);
        assertThat(answer.json().get("rejected")).hasSize(1);
        assertThat(answer.json().at("/rejected/0/entryNumber").asString()).isEqualTo(cut.replace("-", ""));
        assertThat(answer.json().at("/rejected/0/fileLine").asLong()).isEqualTo(secondHeader + 1);
        assertThat(answer.json().at("/rejected/0/errors/0/code").asString()).isEqualTo("CATAIR_MISSING_RECORD");
        assertThat(answer.json().at("/rejected/0/errors/0/field").asString()).isEqualTo("record Z");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + kept.replace("-", ""))
                        .code())
                .isEqualTo(200);
        assertThat(get(FILER, "/api/v1/entry-summaries/" + cut.replace("-", "")).code())
                .isEqualTo(404);
    }

    @Test
    void anAeFileThatEndsWithoutTheZTrailerItsARecordCallsForKeepsItsTransactionsAndAnswersTheMissingZAsARejection() {
        String number = entryNumber("ABC");
        List<String> records =
                ae(laptopsAsSubmitted(number, importer(), "2026-03-25")).lines().toList();
        String withoutZ = String.join("\n", records.subList(0, records.size() - 1)) + "\n";

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, withoutZ);

        assertThat(records.get(0)).startsWith("A");
        assertThat(records.get(records.size() - 1)).startsWith("Z");
        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(1);
        assertThat(answer.json().get("rejected")).hasSize(1);
        JsonNode rejection = answer.json().at("/rejected/0");
        assertThat(rejection.get("record").asInt()).isEqualTo(2);
        assertThat(rejection.get("fileLine").asLong()).isEqualTo(1);
        assertThat(rejection.get("entryNumber").isNull()).isTrue();
        assertThat(rejection.at("/errors/0/code").asString()).isEqualTo("CATAIR_MISSING_RECORD");
        assertThat(rejection.at("/errors/0/field").asString()).isEqualTo("record Z");
        assertThat(rejection.at("/errors/0/message").asString())
                .startsWith("File line 1: the file the A record here opens ends after file line " + (records.size() - 1)
                        + " without the Z trailer record that closes it");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                        .code())
                .isEqualTo(200);
        assertThat(get(
                                SPECIALIST,
                                "/api/v1/audit/intake-batch/"
                                        + answer.json().get("intakeBatch").asString())
                        .body())
                .contains("CATAIR_MISSING_RECORD");
    }

    @Test
    void aNegativeAeDutyIsRefusedWithMessagesThatReadItInDollarsAndCents() {
        String number = entryNumber("ABC");
        SubmittedEntrySummary laptops = laptopsAsSubmitted(number, importer(), "2026-03-25");
        String written = ae(withLine(laptops, withDuty(laptops.lines().get(0), "524.50")));
        String ae = written.replace("508471300100 0000052450", "508471300100 -000052450");

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae);

        assertThat(ae).isNotEqualTo(written).contains("90000000052450");
        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isZero();
        JsonNode errors = answer.json().at("/rejected/0/errors");
        assertThat(errors.findValuesAsString("code")).containsExactlyInAnyOrder("VALUE_NEGATIVE", "TOTALS_MISMATCH");
        assertThat(errors.findValuesAsString("message"))
                .containsExactlyInAnyOrder(
                        "The dutyAmount -524.50 is negative (line 1).",
                        "The declared total duty 524.50 differs from the sum of the lines -524.50.");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void anAeEntryDateAfterTheDayOfReceiptIsRefusedForThatDateAloneSayingWhatItsSixDigitsReadAs() {
        String number = entryNumber("ABC");
        String ae = ae(laptopsAsSubmitted(number, importer(), "2026-03-25")).replace("031526031526", "010170010170");

        Response answer = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae);

        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isZero();
        JsonNode errors = answer.json().at("/rejected/0/errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.at("/0/code").asString()).isEqualTo("DATE_IN_FUTURE");
        assertThat(errors.at("/0/field").asString()).isEqualTo("entryDate");
        assertThat(errors.at("/0/message").asString())
                .contains("'010170'", "reads as 2070-01-01", "after 2026-06-30")
                .doesNotContain("summary date");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + number.replace("-", ""))
                        .code())
                .isEqualTo(404);
    }

    private static int lastIndexOf(List<String> records, String type) {
        int found = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).startsWith(type)) {
                found = i;
            }
        }
        return found;
    }

    private static SubmittedEntrySummary withAdditional(SubmittedEntrySummary s, String additional) {
        SubmittedEntrySummary.Line line = s.lines().get(0);
        return withLine(s, copy(line, line.lineNumber(), List.of(additional), line.dutyAmount()));
    }

    private static SubmittedEntrySummary.Line withDuty(SubmittedEntrySummary.Line line, String duty) {
        return copy(line, line.lineNumber(), line.additionalHtsNumbers(), duty);
    }

    /** The summary with its one line given {@code count} times, numbered from 1. */
    private static SubmittedEntrySummary withLines(SubmittedEntrySummary s, int count) {
        SubmittedEntrySummary.Line line = s.lines().get(0);
        List<SubmittedEntrySummary.Line> lines = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            lines.add(copy(line, String.valueOf(number), line.additionalHtsNumbers(), line.dutyAmount()));
        }
        return withLines(s, lines);
    }

    private static SubmittedEntrySummary.Line copy(
            SubmittedEntrySummary.Line line, String lineNumber, List<String> additional, String duty) {
        return new SubmittedEntrySummary.Line(
                lineNumber,
                line.htsNumber(),
                additional,
                line.countryOfOrigin(),
                line.countryOfExport(),
                line.manufacturerId(),
                line.description(),
                line.enteredValue(),
                line.quantity(),
                line.unit(),
                line.grossWeightKg(),
                line.relatedParty(),
                duty,
                line.adcvdCaseNumber(),
                line.adcvdDeposit(),
                line.fees());
    }

    private static SubmittedEntrySummary withLine(SubmittedEntrySummary s, SubmittedEntrySummary.Line line) {
        return withLines(s, List.of(line));
    }

    private static SubmittedEntrySummary withLines(SubmittedEntrySummary s, List<SubmittedEntrySummary.Line> lines) {
        return new SubmittedEntrySummary(
                s.entryNumber(),
                s.entryType(),
                s.importerNumber(),
                s.portOfEntry(),
                s.entryDate(),
                s.summaryDate(),
                s.modeOfTransport(),
                s.bondType(),
                s.postSummaryCorrection(),
                s.totalEnteredValue(),
                s.totalDuty(),
                s.totalFees(),
                lines);
    }

    @Test
    void anAeTransactionRepeatingASummaryOnFileIsADuplicateWhateverSummaryDateTheStoredOneHas() {
        String number = entryNumber("ABC");
        SubmittedEntrySummary summary = laptopsAsSubmitted(number, importer(), "2026-03-25");
        StringWriter json = new StringWriter();
        try (SummaryWriter writer = IntakeFormat.JSONL.writer(json)) {
            writer.write(summary);
        }
        assertThat(post(FILER, BATCHES, NDJSON, json.toString())
                        .json()
                        .get("accepted")
                        .asInt())
                .isEqualTo(1);

        Response first = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae(summary));
        Response again = post(FILER, BATCHES + "?format=catair-ae", MediaType.TEXT_PLAIN, ae(summary));

        assertThat(first.json().get("duplicates").asInt()).as(first.body()).isEqualTo(1);
        assertThat(again.json().get("duplicates").asInt()).as(again.body()).isEqualTo(1);
        JsonNode stored =
                get(FILER, "/api/v1/entry-summaries/" + number.replace("-", "")).json();
        assertThat(stored.get("versions")).hasSize(1);
        assertThat(stored.get("summaryDate").asString()).isEqualTo("2026-03-25");
    }

    /** The laptops of the specification as a filer submits them, entered on 15 March 2026. */
    private static SubmittedEntrySummary laptopsAsSubmitted(String number, String importer, String summaryDate) {
        return new SubmittedEntrySummary(
                number,
                "01",
                importer,
                "2704",
                "2026-03-15",
                summaryDate,
                "11",
                "8",
                "false",
                null,
                null,
                null,
                List.of(new SubmittedEntrySummary.Line(
                        "1",
                        "8471300100",
                        List.of(),
                        "VN",
                        "VN",
                        "VNSAMELE12HAN",
                        "portable laptop computers",
                        "125000",
                        "500",
                        "NO",
                        "1200",
                        "false",
                        "0.00",
                        null,
                        null,
                        List.of())));
    }

    private static String ae(SubmittedEntrySummary... summaries) {
        StringWriter text = new StringWriter();
        try (SummaryWriter writer = IntakeFormat.CATAIR_AE.writer(text)) {
            for (SubmittedEntrySummary summary : summaries) {
                writer.write(summary);
            }
        }
        return text.toString();
    }

    @Test
    void aPlainTextBatchWithoutAFormatIsRefused() {
        Response answer = post(FILER, BATCHES, MediaType.TEXT_PLAIN, "10 ...");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.body()).contains("format=catair-ae");
    }
}
