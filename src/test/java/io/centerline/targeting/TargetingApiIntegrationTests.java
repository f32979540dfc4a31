package io.centerline.targeting;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.laptops;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.oneLine;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.entries.EntryNumber;
import io.centerline.support.ApiTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class TargetingApiIntegrationTests extends ApiTest {

    @Autowired
    Selection selection;

    private static final String ENTRIES = "/api/v1/entry-summaries/";

    @Test
    void everyAcceptedSummaryIsScoredAndItsReadBackCarriesTheRisk() {
        String number = accepted();

        JsonNode risk = scored(number, SPECIALIST);

        assertThat(risk.get("status").asString()).isEqualTo("SCORED");
        assertThat(risk.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(risk.has("selected")).isTrue();
        assertThat(risk.has("modelVersion")).isTrue();
        assertThat(risk.get("reasons")).isNotEmpty();
    }

    @Test
    void theImporterReadsReasonsWrittenForTheTradeNeverEmptyAndWithoutFigures() {
        String number = accepted();
        scored(number, SPECIALIST);

        JsonNode trade = get(FILER, ENTRIES + number).json().get("risk");
        JsonNode staff = get(SPECIALIST, ENTRIES + number).json().get("risk");

        assertThat(trade.get("reasons")).isNotEmpty();
        assertThat(trade.get("reasons").toString()).doesNotContain("threshold", "Detector", "Rule ");
        assertThat(staff.get("reasons").toString()).contains("threshold");
    }

    @Test
    void aReviewOutcomeIsRecordedOnceAndAuditedAndASecondIsRefused() {
        String number = accepted();
        scored(number, SPECIALIST);
        String body = """
                {"entryNumber": "%s", "outcome": "value", "revenueDifference": "1250.40", "note": "invoice"}""".formatted(number);

        Response recorded = post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, body);
        Response again = post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, body);

        assertThat(recorded.code()).isEqualTo(201);
        assertThat(recorded.json().get("outcome").asString()).isEqualTo("VALUE");
        assertThat(recorded.json().get("revenueDifference").asString()).isEqualTo("1250.40");
        assertThat(recorded.json().get("reviewer").asString()).isEqualTo(SPECIALIST);
        assertThat(again.code()).isEqualTo(409);
        assertThat(get(ADMIN, "/api/v1/audit/entry-summary/" + number).body()).contains("REVIEW_OUTCOME_RECORDED");
    }

    @Test
    void anOutcomeIsReadByItsEntryNumberWithOrWithoutDashesInAnyCase() {
        String number = accepted();
        Response recorded = post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE"}""".formatted(
                        number.toLowerCase()));
        assertThat(recorded.code()).isEqualTo(201);
        assertThat(recorded.json().get("entryNumber").asString()).isEqualTo(number);
        String dashed = EntryNumber.parse(number).formatted();

        for (String written : List.of(number, dashed, number.toLowerCase(), dashed.toLowerCase())) {
            Response read = get(SPECIALIST, "/api/v1/targeting/outcomes/" + written + "/1");

            assertThat(read.code()).as(written).isEqualTo(200);
            assertThat(read.json().get("entryNumber").asString()).as(written).isEqualTo(number);
        }
        for (String malformed : List.of("not-a-number", number.substring(0, 10) + "x", "-" + number)) {
            Response unknown = get(SPECIALIST, "/api/v1/targeting/outcomes/" + malformed + "/1");

            assertThat(unknown.code()).as(malformed).isEqualTo(404);
            assertThat(unknown.json().at("/errors/0/code").asString())
                    .as(malformed)
                    .isEqualTo("OUTCOME_NOT_FOUND");
        }
    }

    @Test
    void anOutcomeAnswersTheInstantItWasRecordedAtAsItIsStoredAndAudited() {
        String number = accepted();

        Response recorded =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE"}""".formatted(number));
        JsonNode stored =
                get(SPECIALIST, "/api/v1/targeting/outcomes/" + number + "/1").json();
        JsonNode audited = get(ADMIN, "/api/v1/audit/entry-summary/" + number).json();

        Instant answered = Instant.parse(recorded.json().get("recordedAt").asString());
        assertThat(answered.getNano() % 1_000)
                .as("no finer than the microseconds the database keeps")
                .isZero();
        assertThat(Instant.parse(stored.get("recordedAt").asString())).isEqualTo(answered);
        List<Instant> auditedAt = new ArrayList<>();
        audited.forEach(row -> {
            if (row.get("action").asString().equals("REVIEW_OUTCOME_RECORDED")) {
                auditedAt.add(Instant.parse(row.get("occurredAt").asString()));
            }
        });
        assertThat(auditedAt).containsExactly(answered);
    }

    @Test
    void theReviewerIsOneOfCbpsUsersNeverAFilersAccountNorANameOfNoUser() {
        for (String reviewer : List.of(FILER, "Mickey Mouse")) {
            String number = accepted();
            Response refused = post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                    {"entryNumber": "%s", "outcome": "NO_CHANGE", "reviewer": "%s"}""".formatted(
                            number, reviewer));

            assertThat(refused.code()).as(reviewer).isEqualTo(422);
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("REVIEWER_UNKNOWN");
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("reviewer");
            assertThat(refused.json().at("/errors/0/message").asString())
                    .isEqualTo("There is no CBP user '" + reviewer
                            + "' to have reviewed the entry summary (a filer's account cannot review one)");
            assertThat(get(SPECIALIST, "/api/v1/targeting/outcomes/" + number + "/1")
                            .code())
                    .isEqualTo(404);
        }
        String number = accepted();
        Response byATargeter = post(
                SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE", "reviewer": "%s"}""".formatted(number, TARGETER));
        assertThat(byATargeter.code()).isEqualTo(201);
        assertThat(byATargeter.json().get("reviewer").asString()).isEqualTo(TARGETER);
    }

    @Test
    void anAccountManagerOrAnAdministratorIsNeverNamedReviewerSinceNeitherReviewsEntrySummaries() {
        for (String reviewer : List.of(MANAGER, ADMIN)) {
            String number = accepted();
            Response refused = post(TARGETER, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                    {"entryNumber": "%s", "outcome": "VALUE", "revenueDifference": "9999.00", "reviewer": "%s"}""".formatted(
                            number, reviewer));

            assertThat(refused.code()).as(reviewer).isEqualTo(422);
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("REVIEWER_ROLE");
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("reviewer");
            assertThat(refused.json().at("/errors/0/message").asString())
                    .startsWith("'" + reviewer + "' reviews no entry summaries");
            assertThat(get(SPECIALIST, "/api/v1/targeting/outcomes/" + number + "/1")
                            .code())
                    .isEqualTo(404);
        }
    }

    @Test
    void anOutcomeNamesTheFieldThatIsWrong() {
        String number = accepted();

        Response unknownCode =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "smuggling"}""".formatted(number));
        Response noEntry = post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "ZZZ00000001", "outcome": "no change"}""");
        Response revenueWithoutFinding =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "no change", "revenueDifference": "10"}""".formatted(number));

        assertThat(unknownCode.code()).isEqualTo(422);
        assertThat(unknownCode.json().at("/errors/0/field").asString()).isEqualTo("outcome");
        assertThat(unknownCode.json().at("/errors/0/code").asString()).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(unknownCode.json().at("/errors/0/message").asString())
                .contains("smuggling", "NO_CHANGE")
                .doesNotStartWith("outcome:");
        assertThat(noEntry.code()).isEqualTo(422);
        assertThat(noEntry.json().at("/errors/0/field").asString()).isEqualTo("entryNumber");
        assertThat(noEntry.json().at("/errors/0/code").asString()).isEqualTo("ENTRY_UNKNOWN");
        assertThat(noEntry.json().at("/errors/0/message").asString()).startsWith("No entry summary ZZZ00000001");
        assertThat(revenueWithoutFinding.json().at("/errors/0/field").asString())
                .isEqualTo("revenueDifference");
        assertThat(revenueWithoutFinding.json().at("/errors/0/code").asString()).isEqualTo("REVENUE_WITHOUT_FINDING");
        Response future =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE", "reviewedOn": "2026-07-01"}""".formatted(number));
        assertThat(future.json().at("/errors/0/field").asString()).isEqualTo("reviewedOn");
        assertThat(future.json().at("/errors/0/code").asString()).isEqualTo("DATE_IN_FUTURE");
        assertThat(future.json().at("/errors/0/message").asString())
                .isEqualTo("The review day 2026-07-01 lies after the business date 2026-06-30");
        Response tenthsOfCents =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "VALUE", "revenueDifference": "12.345"}""".formatted(number));
        assertThat(tenthsOfCents.code()).isEqualTo(422);
        assertThat(tenthsOfCents.json().at("/errors/0/code").asString()).isEqualTo("REVENUE_SCALE");
        assertThat(tenthsOfCents.json().at("/errors/0/message").asString()).contains("12.345", "two decimals");
        Response findingWithoutRevenue =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "VALUE"}""".formatted(number));
        assertThat(findingWithoutRevenue.code()).isEqualTo(422);
        assertThat(findingWithoutRevenue.json().at("/errors/0/field").asString())
                .isEqualTo("revenueDifference");
        assertThat(findingWithoutRevenue.json().at("/errors/0/code").asString()).isEqualTo("REQUIRED");
        // a short text for a number of a billion digits: refused as it is, never written out
        Response vast =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "VALUE", "revenueDifference": 1e999999999}""".formatted(number));
        assertThat(vast.code()).isEqualTo(422);
        assertThat(vast.json().at("/errors/0/code").asString()).isEqualTo("REVENUE_RANGE");
        assertThat(vast.json().at("/errors/0/message").asString())
                .contains("1E+999999999", "out of range")
                .hasSizeLessThan(200);
    }

    @Test
    void aMisspeltFieldOrAnUnstorableCharacterIsRefusedNotQuietlyDropped() {
        String number = accepted();

        Response misspelt =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "VALUE", "revenue": "5000.00"}""".formatted(number));
        Response nul =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE", "note": "checked\\u0000"}""".formatted(number));
        Response halfPair =
                exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 5, "queue": "x\\ud800y"}""");

        assertThat(misspelt.code()).isEqualTo(400);
        assertThat(misspelt.json().at("/errors/0/code").asString()).isEqualTo("UNKNOWN_FIELD");
        assertThat(misspelt.json().at("/errors/0/message").asString())
                .contains("revenue;", "revenueDifference")
                .doesNotContain("io.centerline", "class");
        assertThat(nul.code()).isEqualTo(400);
        assertThat(nul.json().at("/errors/0/message").asString()).contains("field note", "U+0000");
        Response c1 = post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE", "reviewer": "a\\u009b31m"}""".formatted(number));
        assertThat(c1.code()).isEqualTo(400);
        assertThat(c1.json().at("/errors/0/message").asString()).contains("field reviewer", "U+009B");
        assertThat(halfPair.code()).isEqualTo(400);
        assertThat(halfPair.json().at("/errors/0/message").asString()).contains("field queue", "U+D800");
        assertThat(get(SPECIALIST, "/api/v1/targeting/outcomes/" + number + "/1")
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aChangeOfOneQueuesItemsKeepsThatQueuesOwnControlShareAndTrustedPartnerFactor() {
        // far enough ahead that no selection of another test runs under these settings
        String from = "2027-03-01";
        JsonNode main = exchange(
                        TARGETER, "PUT", "/api/v1/targeting/capacity/PHC", MediaType.APPLICATION_JSON, """
                        {"itemsPerWeek": 3, "controlShare": 0.05, "trustedPartnerFactor": 0.5, "effectiveFrom": "%s"}""".formatted(
                                        from))
                .json();
        assertThat(exchange(
                                TARGETER,
                                "PUT",
                                "/api/v1/targeting/capacity/PHC",
                                MediaType.APPLICATION_JSON,
                                """
                        {"queue": "second-desk", "itemsPerWeek": 10, "controlShare": 0.1, "trustedPartnerFactor": 0.9,
                         "effectiveFrom": "%s"}""".formatted(from))
                        .code())
                .isEqualTo(200);

        JsonNode changed = exchange(
                        TARGETER, "PUT", "/api/v1/targeting/capacity/phc", MediaType.APPLICATION_JSON, """
                        {"itemsPerWeek": 4, "effectiveFrom": "%s"}""".formatted(
                                        from))
                .json();

        assertThat(main.get("queue").asString()).isEqualTo("entry-summary-review");
        assertThat(changed.get("queue").asString()).isEqualTo("entry-summary-review");
        assertThat(changed.get("itemsPerWeek").asInt()).isEqualTo(4);
        assertThat(changed.get("controlShare").asDouble()).isEqualTo(0.05);
        assertThat(changed.get("trustedPartnerFactor").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aQueuesNameIsKeptInLowerCaseWithoutBlanksSoThatNoTypingMistakeAddsAQueueAndItsItems() {
        String from = LocalDate.of(2026, 12, 7).toString();
        JsonNode set = exchange(
                        TARGETER, "PUT", "/api/v1/targeting/capacity/AG", MediaType.APPLICATION_JSON, """
                        {"queue": " Entry-Summary-Review ", "itemsPerWeek": 7, "effectiveFrom": "%s"}""".formatted(
                                        from))
                .json();
        assertThat(set.get("queue").asString()).isEqualTo("entry-summary-review");

        for (String queue : List.of("x<script>", "two words", "double--hyphen", "-leading")) {
            Response refused = exchange(
                    TARGETER, "PUT", "/api/v1/targeting/capacity/AG", MediaType.APPLICATION_JSON, """
                    {"queue": "%s", "itemsPerWeek": 5, "effectiveFrom": "%s"}""".formatted(
                                    queue, from));
            assertThat(refused.code()).as(queue).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("QUEUE_NAME");
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("queue");
        }
        JsonNode view = get(TARGETER, "/api/v1/targeting/capacity/AG").json();
        List<String> queues = new ArrayList<>();
        view.get("history").forEach(setting -> queues.add(setting.get("queue").asString()));
        assertThat(queues).doesNotContain("x<script>", "Entry-Summary-Review", " Entry-Summary-Review ");
    }

    @Test
    void aTrustedPartnersFactorIsMoreThanZeroSinceTrustedPartnersAreSelectedLessOftenNeverExempt() {
        Response exempt = exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 20, "trustedPartnerFactor": 0, "effectiveFrom": "2026-12-07"}""");

        assertThat(exempt.code()).isEqualTo(400);
        assertThat(exempt.json().at("/errors/0/code").asString()).isEqualTo("TRUSTED_PARTNER_FACTOR_RANGE");
        assertThat(exempt.json().at("/errors/0/field").asString()).isEqualTo("trustedPartnerFactor");
        assertThat(exempt.json().at("/errors/0/message").asString()).contains("never exempt");
    }

    @Test
    void aTrustedPartnersFactorOutsideItsRangeIsRefusedInTheSameWordsAtEitherEnd() {
        for (String factor : List.of("0", "-0.5", "1.01")) {
            Response refused = exchange(
                    TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                    {"itemsPerWeek": 20, "trustedPartnerFactor": %s, "effectiveFrom": "2026-12-07"}""".formatted(
                                    factor));

            assertThat(refused.code()).as(factor).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("TRUSTED_PARTNER_FACTOR_RANGE");
            assertThat(refused.json().at("/errors/0/message").asString())
                    .as(factor)
                    .isEqualTo("Trusted partners are selected at a reduced share of the others' rate, never exempt"
                            + " from selection: the factor is more than 0 and at most 1, not "
                            + Double.valueOf(factor));
        }
    }

    @Test
    void aCapacityOfMoreItemsThanAnyNumberTheServiceKeepsIsRefusedForItsRangeNotAsUnreadable() {
        for (String items : List.of("99999999999", "-99999999999", "1" + "0".repeat(30))) {
            Response refused = exchange(
                    TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                    {"itemsPerWeek": %s}""".formatted(
                                    items));

            assertThat(refused.code()).as(items).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asString()).as(items).isEqualTo("CAPACITY_RANGE");
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("itemsPerWeek");
            assertThat(refused.json().at("/errors/0/message").asString()).endsWith("not " + items);
        }
    }

    @Test
    void aRefusedQueueNameIsShownAsItWasSent() {
        Response refused =
                exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                {"queue": "Bad Queue", "itemsPerWeek": 10, "effectiveFrom": "2026-12-07"}""");

        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("QUEUE_NAME");
        assertThat(refused.json().at("/errors/0/message").asString()).endsWith("not 'Bad Queue'");
    }

    @Test
    void aCapacityIsAWholeNumberOfItemsWithinWhatTheCountryFilesAndAPeriodRunsForward() {
        Response fraction =
                exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 2.5}""");
        Response tooMany =
                exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 2000000}""");
        Response backwards = get(TARGETER, "/api/v1/targeting/effectiveness?from=2026-06-01&to=2026-05-01");
        Response longNote = post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE", "note": "%s"}""".formatted(
                        accepted(), "x".repeat(Outcomes.MAX_NOTE_LENGTH + 1)));

        assertThat(fraction.code()).isEqualTo(400);
        assertThat(fraction.json().at("/errors/0/message").asString()).contains("field itemsPerWeek");
        assertThat(tooMany.code()).isEqualTo(400);
        assertThat(tooMany.json().at("/errors/0/code").asString()).isEqualTo("CAPACITY_RANGE");
        assertThat(tooMany.json().at("/errors/0/message").asString()).contains("at most 1000000 items a week");
        assertThat(backwards.code()).isEqualTo(400);
        assertThat(backwards.json().at("/errors/0/code").asString()).isEqualTo("PERIOD_ORDER");
        assertThat(exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                                {"itemsPerWeek": 20, "controlShare": 0.5}""")
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("CONTROL_SHARE_RANGE");
        assertThat(get(TARGETER, "/api/v1/targeting/effectiveness?center=XX")
                        .json()
                        .at("/errors/0/message")
                        .asString())
                .contains("No Center has the code 'XX'");
        assertThat(get(TARGETER, "/api/v1/targeting/effectiveness?center=elec").code())
                .as("a Center code in any case")
                .isEqualTo(200);
        assertThat(get(TARGETER, "/api/v1/targeting/capacity/NOPE")
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("CENTER_NOT_FOUND");
        assertThat(longNote.code()).isEqualTo(422);
        assertThat(longNote.json().at("/errors/0/field").asString()).isEqualTo("note");
    }

    @Test
    void aRefusedCapacityNamesItsFieldApartFromTheMessage() {
        Response missing = exchange(
                TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, "{\"queue\": \"x\"}");
        Response negative = exchange(
                TARGETER,
                "PUT",
                "/api/v1/targeting/capacity/ELEC",
                MediaType.APPLICATION_JSON,
                "{\"itemsPerWeek\": -1}");
        Response share = exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 20, "controlShare": 0.5}""");

        assertThat(missing.code()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/code").asString()).isEqualTo("REQUIRED");
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("itemsPerWeek");
        assertThat(missing.json().at("/errors/0/message").asString())
                .isEqualTo("A capacity needs itemsPerWeek, the review items a week");
        assertThat(negative.json().at("/errors/0/code").asString()).isEqualTo("CAPACITY_RANGE");
        assertThat(negative.json().at("/errors/0/field").asString()).isEqualTo("itemsPerWeek");
        assertThat(negative.json().at("/errors/0/message").asString()).doesNotStartWith("itemsPerWeek:");
        assertThat(share.json().at("/errors/0/field").asString()).isEqualTo("controlShare");
        assertThat(share.json().at("/errors/0/message").asString()).doesNotStartWith("controlShare:");
    }

    @Test
    void aTargeterReadsTheAuditTrailAsEveryCbpStaffMemberDoesAndAFilerDoesNot() {
        assertThat(get(TARGETER, "/api/v1/audit/account/none").code()).isEqualTo(200);
        assertThat(get(FILER, "/api/v1/audit/account/none").code()).isEqualTo(403);
    }

    @Test
    void anAdministratorMayNeitherRecordOutcomesNorSetCapacityWhateverTheBody() {
        String number = accepted();

        Response outcome = post(ADMIN, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE"}""".formatted(number));
        Response unreadable = post(ADMIN, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, "{not json");
        Response capacity = exchange(
                ADMIN, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, "{\"itemsPerWeek\": 5}");

        assertThat(outcome.code()).isEqualTo(403);
        assertThat(unreadable.code()).isEqualTo(403);
        assertThat(capacity.code()).isEqualTo(403);
        assertThat(get(ADMIN, "/api/v1/targeting/capacity/ELEC").code()).isEqualTo(200);
        assertThat(get(SPECIALIST, "/api/v1/targeting/outcomes/" + number + "/1")
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aFilerMayNeitherRecordOutcomesNorReadEffectiveness() {
        assertThat(post(FILER, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, "{}")
                        .code())
                .isEqualTo(403);
        assertThat(get(FILER, "/api/v1/targeting/effectiveness").code()).isEqualTo(403);
        assertThat(get(FILER, "/api/v1/targeting/capacity/ELEC").code()).isEqualTo(403);
    }

    @Test
    void aCapacitySettingTakesEffectFromItsDateAndKeepsTheEarlierOnesAsHistory() {
        Response set = exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/MACH", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 120, "controlShare": 0.08, "trustedPartnerFactor": 0.4}""");
        Response later = exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/MACH", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 150, "effectiveFrom": "2026-07-06"}""");
        Response tooSmallControl =
                exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/MACH", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 150, "controlShare": 0.01}""");

        assertThat(set.code()).isEqualTo(200);
        assertThat(later.code()).isEqualTo(200);
        JsonNode view = get(TARGETER, "/api/v1/targeting/capacity/MACH").json();
        assertThat(view.at("/inForce/itemsPerWeek").asInt()).isEqualTo(120);
        assertThat(view.at("/inForce/controlShare").asDouble()).isEqualTo(0.08);
        assertThat(view.get("history")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(tooSmallControl.code()).isEqualTo(400);
        assertThat(tooSmallControl.body()).contains("controlShare");
    }

    @Test
    void aCombinedCapacityShowsTheQueuesControlShareAndTheControlItemsItTakesOnAverageWithoutBinaryNoise() {
        exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/IMM", MediaType.APPLICATION_JSON, """
                {"queue": "first", "itemsPerWeek": 3, "controlShare": 0.05}""");
        exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/IMM", MediaType.APPLICATION_JSON, """
                {"queue": "second", "itemsPerWeek": 4, "controlShare": 0.05}""");

        JsonNode view = get(TARGETER, "/api/v1/targeting/capacity/IMM").json();

        assertThat(view.at("/inForce/itemsPerWeek").asInt()).isEqualTo(7);
        assertThat(view.at("/inForce/controlShare").toString()).isEqualTo("0.05");
        assertThat(view.at("/inForce/expectedControlItemsPerWeek").toString()).isEqualTo("0.35");
        assertThat(view.at("/queues/0/expectedControlItemsPerWeek").toString()).isEqualTo("0.15");
    }

    @Test
    void aWeekRunsUnderOneCapacityWhateverTheEntryDatesOfItsSummaries() {
        // today is Tuesday 2026-06-30; the setting takes effect today, after Monday's entry date
        exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/MACH", MediaType.APPLICATION_JSON, """
                {"itemsPerWeek": 120}""");
        String monday = entryNumber("ABC");
        String tuesday = entryNumber("ABC");
        for (String[] filing : List.of(new String[] {monday, "2026-06-29"}, new String[] {tuesday, "2026-06-30"})) {
            Response created = post(
                    FILER,
                    "/api/v1/entry-summaries",
                    MediaType.APPLICATION_JSON,
                    summary(
                            filing[0],
                            "01",
                            importer(),
                            filing[1],
                            filing[1],
                            false,
                            line(1, "8481804000", "1000.00", null)));
            assertThat(created.code()).isEqualTo(201);
        }

        for (String number : List.of(monday, tuesday)) {
            assertThat(get(TARGETER, "/api/v1/targeting/assessments/" + number.replace("-", "") + "/1")
                            .json()
                            .at("/grounds/itemsPerWeek")
                            .asInt())
                    .as(number)
                    .isEqualTo(120);
        }
    }

    /** The one row of an entry summary's audit trail with the action given. */
    private JsonNode auditOf(String number, String action) {
        List<JsonNode> rows = new ArrayList<>();
        get(ADMIN, "/api/v1/audit/entry-summary/" + number).json().forEach(row -> {
            if (row.get("action").asString().equals(action)) {
                rows.add(row);
            }
        });
        assertThat(rows).as(action + " of " + number).hasSize(1);
        return rows.get(0);
    }

    /** A rule through the API that finds every entry of the importer, of the strength given, with its trade reason. */
    private void ruleFor(String importer, double strength, String tradeReason) {
        Response created = post(TARGETER, "/api/v1/targeting/rules", MediaType.APPLICATION_JSON, """
                {"code": "IMP-%s", "name": "Entries of one importer", "expression": "entry.importer == \\"%s\\"",
                 "reasonTemplate": "importer {entry.importer}", "tradeReason": "%s", "strength": %s}""".formatted(
                        freshSerial(), importer, tradeReason, strength));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
    }

    /** The selection a summary's read-back shows CBP staff: RISK, CONTROL or null. */
    private String selection(String number) {
        JsonNode selection = scored(number, SPECIALIST).get("selection");
        return selection.isNull() ? null : selection.asString();
    }

    /** A fresh entry number that the random control draw does not take, so that only its risk decides. */
    private String undrawnNumber() {
        String number;
        do {
            number = entryNumber("PHC");
        } while (selection.draw(new EntryKey(number.replace("-", ""), 1)) < 0.5);
        return number;
    }

    /**
     * Files, for a Center-week, as many summaries as it has control items under numbers the control draw puts first, so
     * that the summaries filed after them find the control items taken and only their risk decides.
     */
    private void takeTheControlItems(String center, String hts, String entryDate) {
        JsonNode inForce =
                get(TARGETER, "/api/v1/targeting/capacity/" + center).json().get("inForce");
        int items = new Capacity(
                        center,
                        Capacities.REVIEW_QUEUE,
                        inForce.get("itemsPerWeek").asInt(),
                        inForce.get("controlShare").asDouble(),
                        inForce.get("trustedPartnerFactor").asDouble(),
                        null,
                        "test")
                .itemsIn(LocalDate.parse(entryDate))
                .control();
        for (int i = 0; i < items; i++) {
            String number;
            do {
                number = entryNumber("PHC");
            } while (selection.draw(new EntryKey(number.replace("-", ""), 1)) > 0.0005);
            assertThat(post(
                                    FILER,
                                    "/api/v1/entry-summaries",
                                    MediaType.APPLICATION_JSON,
                                    summary(
                                            number,
                                            "01",
                                            importer(),
                                            entryDate,
                                            entryDate,
                                            false,
                                            line(1, hts, "5000.00", null)))
                            .code())
                    .isEqualTo(201);
            assertThat(selection(number.replace("-", ""))).as("a control item").isEqualTo("CONTROL");
        }
    }

    /** Files summaries of the importer's under fresh numbers in one batch, entered on the date; answers their numbers. */
    private List<String> fileBatch(int count, String importer, String hts, String entryDate) {
        List<String> numbers = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = undrawnNumber();
            numbers.add(number.replace("-", ""));
            lines.add(oneLine(
                    summary(number, "01", importer, entryDate, entryDate, false, line(1, hts, "5000.00", null))));
        }
        Response filed = post(
                FILER,
                "/api/v1/entry-summaries/batches",
                MediaType.parseMediaType("application/x-ndjson"),
                String.join("\n", lines));
        assertThat(filed.code()).as(filed.body()).isIn(200, 201);
        assertThat(filed.json().get("accepted").asInt()).isEqualTo(count);
        return numbers;
    }

    private void setCapacity(String center, int itemsPerWeek, double controlShare) {
        assertThat(exchange(
                                TARGETER,
                                "PUT",
                                "/api/v1/targeting/capacity/" + center,
                                MediaType.APPLICATION_JSON,
                                """
                                {"itemsPerWeek": %d, "controlShare": %s}""".formatted(itemsPerWeek, controlShare))
                        .code())
                .isEqualTo(200);
    }

    @Test
    void aCapacityLoweredWhileTheWeekRunsTakesNoSelectionBackAndSelectsNothingMoreWhileTheWeekHoldsMore() {
        JsonNode before = get(TARGETER, "/api/v1/targeting/capacity/PHC").json();
        String risky = importer();
        String riskier = importer();
        ruleFor(risky, 0.9, "The medicines on this entry summary are being checked.");
        ruleFor(riskier, 0.99, "The medicines on this entry summary are being checked again.");
        try {
            setCapacity("PHC", 20, 0.10);
            List<String> first = fileBatch(60, risky, "3004909290", "2026-06-29");
            List<String> heldBefore = first.stream().map(this::selection).toList();
            assertThat(heldBefore.stream().filter(Objects::nonNull)).hasSizeGreaterThan(5);
            List<String> trailsBefore = first.stream()
                    .map(number ->
                            get(ADMIN, "/api/v1/audit/entry-summary/" + number).body())
                    .toList();

            setCapacity("PHC", 5, 0.10);
            List<String> later = fileBatch(20, riskier, "3004909290", "2026-06-30");

            assertThat(first.stream().map(this::selection).toList())
                    .as("what the week held keeps its items")
                    .isEqualTo(heldBefore);
            for (String number : later) {
                JsonNode staff = scored(number, SPECIALIST);
                JsonNode trade = get(FILER, ENTRIES + number).json().get("risk");
                assertThat(staff.get("selected").asBoolean()).as(number).isFalse();
                assertThat(staff.get("reasons").get(0).asString())
                        .startsWith("Not selected: when it was scored, the week already held more selections than"
                                + " the capacity then in force gave it")
                        .contains("capacity 5 a week")
                        .doesNotContain("0 for the control sample");
                assertThat(trade.get("reasons").get(0).asString()).isEqualTo(AssessmentWords.NOTHING_PLANNED);
                assertThat(get(TARGETER, "/api/v1/targeting/assessments/" + number + "/1")
                                .json()
                                .at("/grounds/ground")
                                .asString())
                        .isEqualTo("OVER_CAPACITY");
            }
            assertThat(first.stream()
                            .map(number -> get(ADMIN, "/api/v1/audit/entry-summary/" + number)
                                    .body())
                            .toList())
                    .as("no selection of the week gave way or changed")
                    .isEqualTo(trailsBefore);
        } finally {
            setCapacity(
                    "PHC",
                    before.at("/inForce/itemsPerWeek").asInt(),
                    before.at("/inForce/controlShare").asDouble());
        }
    }

    @Test
    void summariesTurnedAwayWhileTheWeekHeldMoreThanALoweredCapacityCompeteOnceItIsRaisedAgainBeforeWeakerLaterOnes() {
        // the Automotive & Aerospace Center, whose goods no other test files
        JsonNode before = get(TARGETER, "/api/v1/targeting/capacity/AA").json();
        String plain = importer();
        String riskiest = importer();
        String weaker = importer();
        String lesser = importer();
        ruleFor(plain, 0.7, "The vehicle parts on this entry summary are being checked.");
        ruleFor(lesser, 0.3, "The vehicle parts on this entry summary are being looked at.");
        ruleFor(riskiest, 0.9999, "The vehicle parts on this entry summary are being checked first.");
        ruleFor(weaker, 0.8, "The vehicle parts on this entry summary are being checked again.");
        String parts = "8708998180";
        try {
            setCapacity("AA", 12, 0.10);
            fileBatch(30, plain, parts, "2026-06-29");
            JsonNode full = get(TARGETER, "/api/v1/targeting/selections/AA").json();
            assertThat(full.at("/selected/risk").asInt())
                    .as("the week's risk items taken")
                    .isEqualTo(full.at("/items/risk").asInt());
            setCapacity("AA", 5, 0.10);
            List<String> turnedAway = fileBatch(3, riskiest, parts, "2026-06-30");
            String alike = fileBatch(1, lesser, parts, "2026-06-30").get(0);
            for (String number :
                    Stream.concat(turnedAway.stream(), Stream.of(alike)).toList()) {
                assertThat(scored(number, SPECIALIST).get("reasons").get(0).asString())
                        .as(number)
                        .startsWith("Not selected: when it was scored, the week already held more selections than the"
                                + " capacity then in force gave it")
                        .contains("capacity 5 a week");
            }

            setCapacity("AA", 12, 0.10);

            for (String number : turnedAway) {
                JsonNode staff = scored(number, SPECIALIST);
                assertThat(staff.get("selection").asString()).as(number).isEqualTo("RISK");
                assertThat(staff.get("reasons").get(0).asString())
                        .startsWith("Selected for review, among the riskiest of the week")
                        .contains("capacity 12 a week");
                assertThat(get(FILER, ENTRIES + number)
                                .json()
                                .at("/risk/reasons/0")
                                .asString())
                        .isEqualTo("This entry summary has been selected for a post-release review by the Automotive"
                                + " & Aerospace Center.");
                assertThat(get(TARGETER, "/api/v1/targeting/assessments/" + number + "/1")
                                .json()
                                .at("/grounds/ground")
                                .asString())
                        .as("the week held no free risk item: it took the item of a less risky selection")
                        .isEqualTo("RISKIEST_FREED_IN_PLACE");
                JsonNode promoted = auditOf(number, "RISK_SELECTION_ON_FREED_ITEM");
                assertThat(promoted.at("/detail/ground").asString()).isEqualTo("RISKIEST_FREED_IN_PLACE");
                String gaveWay = promoted.at("/detail/inPlaceOf").asString();
                assertThat(auditOf(gaveWay, "RISK_SELECTION_DISPLACED")
                                .at("/detail/by")
                                .asString())
                        .isEqualTo(number);
                assertThat(scored(gaveWay, SPECIALIST).get("reasons").get(0).asString())
                        .startsWith("Not selected: it gave its risk review item to " + number + " v1");
            }
            JsonNode again = scored(alike, SPECIALIST);
            assertThat(again.get("selected").asBoolean()).isFalse();
            assertThat(again.get("reasons").get(0).asString())
                    .startsWith("Not selected: ")
                    .contains("capacity 12 a week")
                    .doesNotContain("capacity 5 a week", "held more selections");
            assertThat(auditOf(alike, "OVER_CAPACITY_DECIDED_AGAIN")
                            .at("/detail/itemsPerWeek")
                            .asInt())
                    .isEqualTo(12);

            String later = fileBatch(1, weaker, parts, "2026-06-30").get(0);

            assertThat(selection(later)).isEqualTo("RISK");
            assertThat(turnedAway.stream().map(this::selection)).containsOnly("RISK");
            JsonNode week = get(TARGETER, "/api/v1/targeting/selections/AA").json();
            assertThat(week.at("/selected/risk").asInt())
                    .isLessThanOrEqualTo(week.at("/items/risk").asInt());
        } finally {
            setCapacity(
                    "AA",
                    before.at("/inForce/itemsPerWeek").asInt(),
                    before.at("/inForce/controlShare").asDouble());
        }
    }

    @Test
    void aCenterWeekListsWhatItSelectedWithinItsItemsTheRiskiestFirstWithTheirOutcomes() {
        String importer = importer();
        ruleFor(importer, 0.95, "The parts on this entry summary are being checked.");
        List<String> filed = fileBatch(40, importer, "8481804000", "2025-09-10");
        List<String> selected =
                filed.stream().filter(number -> selection(number) != null).toList();
        assertThat(selected).isNotEmpty();
        String reviewed = selected.get(0);
        assertThat(post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                        {"entryNumber": "%s", "outcome": "VALUE", "revenueDifference": "310.00"}""".formatted(reviewed))
                        .code())
                .isEqualTo(201);

        JsonNode week = get(SPECIALIST, "/api/v1/targeting/selections/mach?week=2025-09-12")
                .json();

        assertThat(week.get("center").asString()).isEqualTo("MACH");
        assertThat(week.get("from").asString()).isEqualTo("2025-09-08");
        assertThat(week.get("to").asString()).isEqualTo("2025-09-14");
        JsonNode items = week.get("items");
        assertThat(items.get("risk").asInt() + items.get("control").asInt())
                .isEqualTo(week.at("/capacity/itemsPerWeek").asInt());
        assertThat(week.get("scored").asInt()).isGreaterThanOrEqualTo(filed.size());
        assertThat(week.at("/selected/risk").asInt())
                .isLessThanOrEqualTo(items.get("risk").asInt());
        assertThat(week.at("/selected/control").asInt())
                .isLessThanOrEqualTo(items.get("control").asInt());
        assertThat(week.get("reviewed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(week.get("findings").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(week.get("truncated").asBoolean()).isFalse();
        List<JsonNode> listed = new ArrayList<>();
        week.get("selections").forEach(listed::add);
        assertThat(listed)
                .hasSize(week.at("/selected/risk").asInt()
                        + week.at("/selected/control").asInt());
        assertThat(listed.stream()
                        .filter(item -> item.get("importerNumber").asString().equals(importer))
                        .map(item -> item.get("entryNumber").asString())
                        .toList())
                .as("the week lists exactly the importer's summaries that read as selected")
                .containsExactlyInAnyOrderElementsOf(selected);
        for (JsonNode item : listed) {
            if (item.get("importerNumber").asString().equals(importer)) {
                assertThat(item.get("selection").asString())
                        .isEqualTo(selection(item.get("entryNumber").asString()));
            }
        }
        for (int i = 1; i < listed.size(); i++) {
            JsonNode before = listed.get(i - 1);
            JsonNode after = listed.get(i);
            assertThat(before.get("selection").asString().equals("CONTROL")
                            && after.get("selection").asString().equals("RISK"))
                    .as("risk selections come before the control sample")
                    .isFalse();
            if (before.get("selection").asString().equals(after.get("selection").asString())) {
                assertThat(before.get("score").asDouble())
                        .isGreaterThanOrEqualTo(after.get("score").asDouble());
            }
        }
        assertThat(listed.stream()
                        .filter(item -> item.get("entryNumber").asString().equals(reviewed))
                        .findFirst()
                        .orElseThrow()
                        .get("outcome")
                        .asString())
                .isEqualTo("VALUE");

        JsonNode first = get(TARGETER, "/api/v1/targeting/selections/MACH?week=2025-09-08&limit=1")
                .json();
        assertThat(first.get("selections")).hasSize(1);
        assertThat(first.get("truncated").asBoolean()).isEqualTo(listed.size() > 1);
        assertThat(first.at("/selections/0/entryNumber").asString())
                .isEqualTo(listed.get(0).get("entryNumber").asString());
    }

    @Test
    void aSummaryDeemedLiquidatedWhenItArrivesTakesNoReviewItemForRiskOrForTheControlSample() {
        String importer = importer();
        ruleFor(importer, 0.99, "The machines on this entry summary are being checked.");
        String risky = fileBatch(1, importer, "8481804000", "2024-03-05").get(0);
        String drawnFirst;
        do {
            drawnFirst = entryNumber("PHC");
        } while (selection.draw(new EntryKey(drawnFirst.replace("-", ""), 1)) > 0.0005);
        assertThat(post(
                                FILER,
                                "/api/v1/entry-summaries",
                                MediaType.APPLICATION_JSON,
                                summary(
                                        drawnFirst,
                                        "01",
                                        importer(),
                                        "2024-03-06",
                                        "2024-03-06",
                                        false,
                                        line(1, "8481804000", "5000.00", null)))
                        .code())
                .isEqualTo(201);

        for (String number : List.of(risky, drawnFirst.replace("-", ""))) {
            assertThat(get(FILER, ENTRIES + number).json().get("status").asString())
                    .isEqualTo("DEEMED_LIQUIDATED");
            JsonNode assessment = get(TARGETER, "/api/v1/targeting/assessments/" + number + "/1")
                    .json();
            assertThat(assessment.get("selection").isNull()).as(number).isTrue();
            assertThat(assessment.at("/grounds/ground").asString()).isEqualTo("DEEMED_LIQUIDATED");
            assertThat(scored(number, SPECIALIST).get("reasons").get(0).asString())
                    .startsWith("Not selected: the summary stood deemed liquidated when it arrived");
            assertThat(get(FILER, ENTRIES + number).json().at("/risk/reasons/0").asString())
                    .isEqualTo(AssessmentWords.NOTHING_PLANNED);
        }
        assertThat(scored(risky, SPECIALIST).get("score").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void aCenterWeeksSelectionsAreReadByCbpStaffOnlyForAKnownCenterAndAListOfBoundedLength() {
        assertThat(get(FILER, "/api/v1/targeting/selections/MACH").code()).isEqualTo(403);
        assertThat(get(MANAGER, "/api/v1/targeting/selections/MACH").code()).isEqualTo(403);
        assertThat(get(SPECIALIST, "/api/v1/targeting/selections/NOPE").code()).isEqualTo(404);
        Response limit = get(SPECIALIST, "/api/v1/targeting/selections/MACH?limit=5001");
        assertThat(limit.code()).isEqualTo(400);
        assertThat(limit.json().at("/errors/0/code").asString()).isEqualTo("LIMIT_RANGE");
        assertThat(limit.json().at("/errors/0/field").asString()).isEqualTo("limit");
        JsonNode thisWeek = get(TARGETER, "/api/v1/targeting/selections/MACH").json();
        assertThat(thisWeek.get("from").asString()).isEqualTo("2026-06-29");
    }

    @Test
    void aSelectedSummaryWhoseReviewIsRecordedReadsAsReviewedToTheImporterAndTheSpecialist() {
        String importer = importer();
        ruleFor(importer, 0.99, "The watches on this entry summary are being checked.");
        String number = fileBatch(1, importer, "9102110000", "2026-04-07").get(0);
        JsonNode selected = scored(number, SPECIALIST);
        assertThat(selected.get("selected").asBoolean()).as(selected.toString()).isTrue();
        assertThat(get(FILER, ENTRIES + number).json().at("/risk/reasons/0").asString())
                .startsWith("This entry summary has been ");

        assertThat(post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                                {"entryNumber": "%s", "outcome": "ADCVD", "revenueDifference": "100.00",
                                 "reviewedOn": "2026-06-29"}""".formatted(number))
                        .code())
                .isEqualTo(201);

        JsonNode trade = get(FILER, ENTRIES + number).json().get("risk");
        JsonNode staff = scored(number, SPECIALIST);
        assertThat(trade.get("reasons").toString()).doesNotContain("selected", "being checked");
        assertThat(trade.get("reasons"))
                .singleElement()
                .extracting(JsonNode::asString)
                .asString()
                .startsWith("This entry summary has been reviewed by the ");
        assertThat(staff.get("reasons").get(0).asString())
                .isEqualTo("Reviewed: outcome ADCVD recorded for version 1 on 2026-06-29. This version as scored:");
        assertThat(staff.get("reasons").get(1).asString()).startsWith("Selected for review");
        assertThat(staff.get("selected").asBoolean()).isTrue();
    }

    @Test
    void aRuleOfStrengthZeroGivesTheImporterNoReasonOnASummarySelectedOnOtherGrounds() {
        String importer = importer();
        ruleFor(importer, 0.99, "The watches on this entry summary are being checked.");
        ruleFor(importer, 0.0, "The origin of the goods is being verified.");
        takeTheControlItems("CPMM", "9102110000", "2026-04-14");
        String number = fileBatch(1, importer, "9102110000", "2026-04-14").get(0);

        JsonNode trade = get(FILER, ENTRIES + number).json().get("risk");
        JsonNode staff = scored(number, SPECIALIST);

        assertThat(staff.get("selection").asString()).isEqualTo("RISK");
        assertThat(trade.get("reasons")).isNotEmpty();
        assertThat(trade.get("reasons").toString())
                .contains("The watches on this entry summary are being checked.")
                .doesNotContain("The origin of the goods is being verified.");
        assertThat(staff.get("reasons").toString()).contains("without weight (strength 0");
    }

    @Test
    void aFilersDescriptionReadsInTheSpecialistsReasonQuotedOnOneLineNeverAsWordsOfCbp() {
        String importer = importer();
        String code = rule("entry.importer == \\\"%s\\\"".formatted(importer), "desc={line.description}");
        String number = entryNumber("ABC");
        String described = line(1, "8471300100", "125000.00", null)
                .replace(
                        "\"goods of line 1\"",
                        "\"widgets\\n\\nNOTE FROM SUPERVISOR: cleared in advance, close this review as NO_CHANGE."
                                + "\\u2028Risk model v9: probability 0.00\"");
        Response filed = post(
                FILER,
                "/api/v1/entry-summaries",
                MediaType.APPLICATION_JSON,
                summary(number, "01", importer, "2026-03-02", "2026-03-12", false, described));
        assertThat(filed.code()).as(filed.body()).isEqualTo(201);

        List<String> reasons = new ArrayList<>();
        scored(number.replace("-", ""), SPECIALIST).get("reasons").forEach(r -> reasons.add(r.asString()));

        assertThat(reasons)
                .contains("Rule " + code + " v1 on line 1: desc=\"widgets NOTE FROM SUPERVISOR: cleared in advance,"
                        + " close this review as NO_CHANGE\u2026\"")
                .noneMatch(reason -> reason.contains("\n") || reason.contains("\u2028"))
                .noneMatch(reason -> reason.startsWith("NOTE") || reason.startsWith("Risk model v9"));
    }

    @Test
    void aFindingOnALineNamesItsLineInTheSpecialistsReason() {
        String importer = importer();
        String code =
                rule("entry.importer == \\\"%s\\\" && line.lineNumber == 2".formatted(importer), "{line.hts} found");
        String number = entryNumber("ABC");
        Response filed = post(
                FILER,
                "/api/v1/entry-summaries",
                MediaType.APPLICATION_JSON,
                summary(
                        number,
                        "01",
                        importer,
                        "2026-03-02",
                        "2026-03-12",
                        false,
                        line(1, "8471300100", "1000.00", null),
                        line(2, "8471300100", "1000.00", null)));
        assertThat(filed.code()).as(filed.body()).isEqualTo(201);

        JsonNode staff = scored(number.replace("-", ""), SPECIALIST);

        assertThat(staff.get("reasons").toString()).contains("Rule " + code + " v1 on line 2: 8471300100 found");
    }

    /** A rule through the API of every Center with the expression and reason template given; answers its code. */
    private String rule(String expression, String reasonTemplate) {
        String code = "WORDS-" + freshSerial();
        Response created = post(TARGETER, "/api/v1/targeting/rules", MediaType.APPLICATION_JSON, """
                {"code": "%s", "name": "Words of a reason", "expression": "%s", "reasonTemplate": "%s",
                 "tradeReason": "The goods on this entry summary are being checked.", "strength": 0.3}""".formatted(
                        code, expression, reasonTemplate));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        return code;
    }

    private String accepted() {
        String number = entryNumber("ABC");
        Response created =
                post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, laptops(number, importer()));
        assertThat(created.code()).isEqualTo(201);
        return number.replace("-", "");
    }

    /** The assessment of a version just filed: scoring is done by the time intake answers. */
    private JsonNode scored(String number, String user) {
        JsonNode risk = get(user, ENTRIES + number).json().get("risk");
        assertThat(risk.get("status").asString()).as("scored within intake").isEqualTo("SCORED");
        return risk;
    }
}
