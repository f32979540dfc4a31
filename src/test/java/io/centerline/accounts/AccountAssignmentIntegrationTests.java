package io.centerline.accounts;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.reference.CenterCode;
import io.centerline.reference.Money;
import io.centerline.support.ApiTest;
import io.centerline.support.Summaries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class AccountAssignmentIntegrationTests extends ApiTest {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private static final String ENTRIES = "/api/v1/entry-summaries";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void anAccountGoesToTheCenterWithTheLargestShareOfItsTradeByValue() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "8471300100", "1000.00", null), line(2, "6109100012", "5000.00", null));

        JsonNode account = get(FILER, "/api/v1/accounts/" + importer).json();

        assertThat(account.get("center").asString()).isEqualTo("AFT");
        assertThat(account.at("/assignmentBasis/shares/AFT").asString()).isEqualTo("83.33");
        assertThat(account.at("/assignmentBasis/shares/ELEC").asString()).isEqualTo("16.67");
        assertThat(account.get("assignmentHistory")).hasSize(1);
        assertThat(account.at("/assignmentHistory/0/kind").asString()).isEqualTo("INITIAL");
    }

    @Test
    void theSharesOfAnAccountsTradeSumToExactlyAHundredInItsBasisItsHistoryAndItsAuditTrail() {
        String importer = importer();
        file(
                importer,
                "2026-02-02",
                line(1, "6109100012", "1000.00", null),
                line(2, "7604101000", "1000.00", null),
                line(3, "8471300100", "1000.00", null));

        JsonNode account = account(importer);
        JsonNode assigned = trail(importer, "ACCOUNT_CENTER_ASSIGNED");

        List<String> equalThirds = List.of("AFT 33.34", "BM 33.33", "ELEC 33.33");
        assertThat(account.get("center").asString()).isEqualTo("AFT");
        assertThat(shares(account.at("/assignmentBasis/shares"))).isEqualTo(equalThirds);
        assertThat(shares(account.at("/assignmentHistory/0/shares"))).isEqualTo(equalThirds);
        assertThat(assigned.at("/detail/shares/AFT").asString()).isEqualTo("33.34");
        assertThat(assigned.at("/detail/shares/BM").asString()).isEqualTo("33.33");
        assertThat(assigned.at("/detail/shares/ELEC").asString()).isEqualTo("33.33");
        assertThat(assigned.at("/detail/shares").size()).isEqualTo(3);
    }

    @Test
    void aCenterWhoseTradeACorrectionMovedAwayIsLeftOutOfTheBasis() {
        String importer = importer();
        String number = entryNumber("ACC");
        post(FILER, ENTRIES, MediaType.APPLICATION_JSON, filed(number, importer, "2026-03-02", computers()));
        endReviewIfSelected(number);

        post(FILER, ENTRIES, MediaType.APPLICATION_JSON, correction(number, importer, "2026-03-02", shirts()));

        JsonNode account = account(importer);
        assertThat(tradeOf(importer)).contains("ELEC 0.00 0");
        assertThat(shares(account.at("/assignmentBasis/shares"))).containsExactly("AFT 100.00");
        assertThat(account.at("/assignmentBasis/values").propertyNames()).containsExactly("AFT");
        assertThat(shares(account.at("/assignmentHistory/1/shares"))).containsExactly("AFT 100.00");
    }

    /** Shares as "CENTER share", in the order the API writes them. */
    private static List<String> shares(JsonNode shares) {
        List<String> written = new ArrayList<>();
        shares.propertyNames()
                .forEach(center -> written.add(center + " " + shares.get(center).asString()));
        return written;
    }

    /** The one row of an action in the account's audit trail, as CBP staff read it. */
    private JsonNode trail(String importer, String action) {
        List<JsonNode> rows = new ArrayList<>();
        get(SPECIALIST, "/api/v1/audit/account/" + importer).json().forEach(row -> {
            if (row.get("action").asString().equals(action)) {
                rows.add(row);
            }
        });
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void anAccountIsReassessedWhenItsTradeMixChanges() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "6109100012", "5000.00", null));
        file(importer, "2026-03-02", line(1, "8471300100", "20000.00", null));

        JsonNode account = account(importer);

        assertThat(account.get("center").asString()).isEqualTo("ELEC");
        assertThat(account.get("assignmentHistory").findValuesAsString("kind"))
                .containsExactly("INITIAL", "REASSESSED");
        assertThat(account.at("/assignmentHistory/0/center").asString()).isEqualTo("AFT");
    }

    @Test
    void aSummaryFiledAloneGoesToTheCenterItsOwnTradeGivesTheAccount() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "6109100012", "5000.00", null));
        String computers = entryNumber("ACC");

        Response filed = post(
                FILER,
                ENTRIES,
                MediaType.APPLICATION_JSON,
                filed(computers, importer, "2026-03-02", line(1, "8471300100", "20000.00", null)));

        assertThat(filed.json().get("center").asString()).as(filed.body()).isEqualTo("ELEC");
        assertThat(account(importer).get("center").asString()).isEqualTo("ELEC");
    }

    @Test
    void aBatchOfLessThanAChunkWeighsItsAccountsBeforeRoutingItsSummaries() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "6109100012", "5000.00", null));
        String computers = entryNumber("ACC");
        String shirts = entryNumber("ACC");

        Response answer = batch(
                filed(computers, importer, "2026-03-02", line(1, "8471300100", "20000.00", null)),
                filed(shirts, importer, "2026-03-03", line(1, "6109100012", "100.00", null)));

        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(2);
        assertThat(centersOf(computers, shirts)).containsExactly("ELEC", "ELEC");
        JsonNode account = account(importer);
        assertThat(account.get("center").asString()).isEqualTo("ELEC");
        assertThat(account.get("assignmentHistory").findValuesAsString("kind"))
                .containsExactly("INITIAL", "REASSESSED");
        assertThat(account.at("/assignmentHistory/1/shares/ELEC").asString()).isEqualTo("79.68");
    }

    @Test
    void aBatchOfExactlyOneChunkIsWholeAndWeighsItsAccountsBeforeRouting() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "6109100012", "5000.00", null));
        String computers = entryNumber("ACC");
        List<String> summaries = new ArrayList<>();
        summaries.add(filed(computers, importer, "2026-03-02", line(1, "8471300100", "20000.00", null)));
        String other = importer();
        while (summaries.size() < 2000) {
            summaries.add(filed(entryNumber("ACC"), other, "2026-03-04", line(1, "6109100012", "10.00", null)));
        }

        Response answer = batch(summaries.toArray(String[]::new));

        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(2000);
        assertThat(centersOf(computers)).containsExactly("ELEC");
    }

    @Test
    void withinABatchOfSeveralChunksAnAccountKeepsItsCenterAndIsWeighedAgainOnceTheBatchIsStored() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "6109100012", "5000.00", null));
        String computers = entryNumber("ACC");
        String shirts = entryNumber("ACC");
        List<String> summaries = new ArrayList<>();
        summaries.add(filed(computers, importer, "2026-03-02", line(1, "8471300100", "20000.00", null)));
        summaries.add(filed(shirts, importer, "2026-03-03", line(1, "6109100012", "100.00", null)));
        // another importer's summaries fill the first chunk of 2,000 and start a second
        String other = importer();
        while (summaries.size() <= 2000) {
            summaries.add(filed(entryNumber("ACC"), other, "2026-03-04", line(1, "6109100012", "10.00", null)));
        }

        Response answer = batch(summaries.toArray(String[]::new));

        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(2001);
        assertThat(centersOf(computers, shirts))
                .as("the Centers of the summaries filed while the account was with AFT")
                .containsExactly("AFT", "AFT");
        JsonNode account = account(importer);
        assertThat(account.get("center").asString()).isEqualTo("ELEC");
        assertThat(account.get("assignmentHistory").findValuesAsString("kind"))
                .containsExactly("INITIAL", "REASSESSED");
        assertThat(account.at("/assignmentHistory/1/shares/ELEC").asString()).isEqualTo("79.68");
    }

    @Test
    void aCorrectionThatReclassifiesALineMovesItsValueToTheCenterOfTheNewHeading() {
        String importer = importer();
        String number = entryNumber("ACC");
        assertThat(post(FILER, ENTRIES, MediaType.APPLICATION_JSON, filed(number, importer, "2026-03-02", computers()))
                        .code())
                .isEqualTo(201);
        endReviewIfSelected(number);

        Response corrected =
                post(FILER, ENTRIES, MediaType.APPLICATION_JSON, correction(number, importer, "2026-03-02", shirts()));

        assertThat(corrected.code()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.json().get("center").asString()).isEqualTo("AFT");
        JsonNode account = account(importer);
        assertThat(account.get("center").asString()).isEqualTo("AFT");
        assertThat(account.at("/assignmentBasis/shares/AFT").asString()).isEqualTo("100.00");
        assertThat(tradeOf(importer)).containsExactlyInAnyOrder("AFT 100000.00 1", "ELEC 0.00 0");
    }

    @Test
    void aCorrectionThatLowersAValueTakesTradeAwayAndCanCostTheAccountItsCenter() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "6109100012", "60000.00", null));
        String number = entryNumber("ACC");
        post(FILER, ENTRIES, MediaType.APPLICATION_JSON, filed(number, importer, "2026-03-02", computers()));
        assertThat(account(importer).get("center").asString()).isEqualTo("ELEC");

        endReviewIfSelected(number);
        Response corrected = post(
                FILER,
                ENTRIES,
                MediaType.APPLICATION_JSON,
                correction(number, importer, "2026-03-02", line(1, "8471300100", "10000.00", null)));

        assertThat(corrected.code()).as(corrected.body()).isEqualTo(201);
        JsonNode account = account(importer);
        assertThat(account.get("center").asString()).isEqualTo("AFT");
        assertThat(account.at("/assignmentBasis/shares/AFT").asString()).isEqualTo("85.71");
    }

    @Test
    void aCorrectionInTheBatchOfItsOriginalLeavesTheAccountWithTheTradeOfTheCorrection() {
        String importer = importer();
        String number = entryNumber("ACC");

        Response answer = batch(
                filed(number, importer, "2026-03-02", computers()),
                correction(number, importer, "2026-03-02", shirts()));

        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(2);
        assertThat(tradeOf(importer)).containsExactlyInAnyOrder("AFT 100000.00 1", "ELEC 0.00 0");
        assertThat(account(importer).get("center").asString()).isEqualTo("AFT");
    }

    private static String computers() {
        return line(1, "8471300100", "100000.00", null);
    }

    private static String shirts() {
        return line(1, "6109100012", "100000.00", null);
    }

    /** The account's stored monthly totals as "CENTER value lines". */
    private List<String> tradeOf(String importer) {
        return jdbc.sql("select t.center || ' ' || t.entered_value || ' ' || t.line_count from account_trade_month t"
                        + " join account a on a.id = t.account_id where a.importer_number = ?")
                .param(importer)
                .query(String.class)
                .list();
    }

    @Test
    void whenTwoChunksWeighANewAccountSideBySideTheFirstToCommitDecidesAndTheOtherIsWeighedAfterItsBatch()
            throws Exception {
        ImporterNumber importer = ImporterNumber.parse(importer());
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch bothRouted = new CountDownLatch(2);
        ExecutorService chunks = Executors.newFixedThreadPool(2);
        try {
            List<Future<Set<Long>>> weighLater = new ArrayList<>();
            for (String[] trade : List.of(new String[] {"AFT", "5000.00"}, new String[] {"ELEC", "20000.00"})) {
                weighLater.add(chunks.submit(() -> transaction.execute(status -> {
                    TradePlan plan = accounts.route(
                            List.of(new TradeContribution(
                                    importer,
                                    LocalDate.of(2026, 3, 2),
                                    CenterCode.of(trade[0]),
                                    Money.usd(trade[1]),
                                    1)),
                            FILER,
                            false);
                    // neither chunk has stored its trade when the other weighs the account
                    bothRouted.countDown();
                    awaitQuietly(bothRouted);
                    return accounts.record(plan);
                })));
            }
            Set<Long> overtaken = new HashSet<>();
            for (Future<Set<Long>> later : weighLater) {
                overtaken.addAll(later.get(30, TimeUnit.SECONDS));
            }

            assertThat(overtaken).hasSize(1);
            assertThat(initialAssignments(importer.value())).isEqualTo(1);
            accounts.weighAfterBatch(overtaken, FILER);
        } finally {
            chunks.shutdownNow();
        }

        JsonNode account =
                get(SPECIALIST, "/api/v1/accounts/" + importer.value()).json();
        assertThat(account.get("center").asString()).isEqualTo("ELEC");
        assertThat(account.get("assignmentHistory").findValuesAsString("kind"))
                .containsAnyOf("INITIAL")
                .doesNotHaveDuplicates();
    }

    @Test
    void tradeOutsideTheTrailingTwelveMonthsDoesNotCountWhileRecentTradeExists() {
        String importer = importer();
        file(importer, "2025-04-07", line(1, "6109100012", "90000.00", null));
        file(importer, "2026-04-06", line(1, "8471300100", "1000.00", null));

        JsonNode account = account(importer);

        assertThat(account.get("center").asString()).isEqualTo("ELEC");
        assertThat(account.at("/assignmentBasis/shares").has("AFT")).isFalse();
    }

    @Test
    void anAccountWithNoTradeInTheWindowIsWeighedOnAllItsTradeAndItsBasisSaysFromWhen() {
        String importer = importer();
        file(importer, "2025-04-07", line(1, "6109100012", "90000.00", null));
        file(importer, "2025-06-02", line(1, "8471300100", "1000.00", null));

        JsonNode account = account(importer);

        assertThat(account.get("center").asString()).isEqualTo("AFT");
        assertThat(account.at("/assignmentBasis/shares/ELEC").asString()).isEqualTo("1.10");
        assertThat(account.at("/assignmentBasis/from").asString()).isEqualTo("2025-04-01");
    }

    @Test
    void anAccountWeighedOnAnEarlierWindowIsWeighedAgainEvenWhenNewTradeFallsToItsCenter() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "6109100012", "90000.00", null));
        file(importer, "2026-03-02", line(1, "8471300100", "1000.00", null));
        assertThat(center(importer)).isEqualTo("AFT");
        // as if time had passed: the apparel trade has left the trailing window since the account was last weighed
        onAccount(
                importer,
                "update account_trade_month set month = date '2024-02-01' where center = 'AFT'"
                        + " and account_id = (select id from account where importer_number = ?)");
        onAccount(importer, "update account set weighed_window = date '2024-07-01' where importer_number = ?");

        file(importer, "2026-04-06", line(1, "6109100012", "10.00", null));

        JsonNode account = account(importer);
        assertThat(account.get("center").asString()).isEqualTo("ELEC");
        assertThat(account.get("assignmentHistory").findValuesAsString("kind"))
                .containsExactly("INITIAL", "REASSESSED");
        assertThat(stored(importer, "weighed_window", LocalDate.class)).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void anAccountPlacedByAnotherMetricIsWeighedAgainByTheConfiguredOne() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "6109100012", "90000.00", null));
        // as if the account had been placed with ELEC while Centers were weighed by line count
        onAccount(
                importer, "update account set center = 'ELEC', assignment_metric = 'LINES' where importer_number = ?");

        file(importer, "2026-03-02", line(1, "8471300100", "10.00", null));

        assertThat(center(importer)).isEqualTo("AFT");
        assertThat(stored(importer, "assignment_metric", String.class)).isEqualTo("VALUE");
    }

    @Test
    void anOverrideNeedsAWrittenReasonAndHoldsAgainstNewTradeUntilLifted() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "8471300100", "5000.00", null));
        String path = "/api/v1/accounts/" + importer + "/center-override";

        assertThat(post(FILER, path, MediaType.APPLICATION_JSON, "{\"center\": \"MACH\", \"reason\": \"x\"}")
                        .code())
                .isEqualTo(403);
        assertThat(post(MANAGER, path, MediaType.APPLICATION_JSON, "{\"center\": \"MACH\"}")
                        .code())
                .isEqualTo(400);
        Response noReason =
                post(MANAGER, path, MediaType.APPLICATION_JSON, "{\"center\": \"MACH\", \"reason\": \".\"}");
        assertThat(noReason.code()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/code").asString()).isEqualTo("REASON_REQUIRED");
        assertThat(noReason.json().at("/errors/0/message").asString()).contains("at least 3 words");
        Response unknown = post(
                MANAGER,
                path,
                MediaType.APPLICATION_JSON,
                "{\"center\": \"XX\", \"reason\": \"Appeal granted: the laptops are parts of machinery lines\"}");
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/code").asString()).isEqualTo("CENTER_UNKNOWN");
        Response overridden = post(
                MANAGER,
                path,
                MediaType.APPLICATION_JSON,
                "{\"center\": \"mach\", \"reason\": \"Appeal granted: the laptops are parts of machinery lines\"}");
        assertThat(overridden.code()).isEqualTo(200);
        Response sentAgain = post(
                MANAGER,
                path,
                MediaType.APPLICATION_JSON,
                "{\"center\": \"MACH\", \"reason\": \"Appeal granted: the laptops are parts of machinery lines\"}");
        assertThat(sentAgain.code())
                .as("the same override sent again changes nothing")
                .isEqualTo(200);
        Response tooLong = post(
                MANAGER,
                path,
                MediaType.APPLICATION_JSON,
                "{\"center\": \"MACH\", \"reason\": \"" + "Appeal granted again. ".repeat(100) + "\"}");
        assertThat(tooLong.code()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/code").asString()).isEqualTo("TOO_LONG");
        file(importer, "2026-03-02", line(1, "8471300100", "50000.00", null));

        JsonNode held = get(MANAGER, "/api/v1/accounts/" + importer).json();
        assertThat(held.get("center").asString()).isEqualTo("MACH");
        assertThat(held.at("/override/reason").asString()).startsWith("Appeal granted");
        assertThat(held.get("assignmentHistory").findValuesAsString("kind")).containsExactly("INITIAL", "OVERRIDE");
        assertThat(held.get("assignmentHistory").findValuesAsString("decidedBy"))
                .as("the assignment rule decides the initial Center, the manager the override")
                .containsExactly("system", MANAGER);

        JsonNode asTheTradeReadsIt = get(FILER, "/api/v1/accounts/" + importer).json();
        assertThat(asTheTradeReadsIt.at("/override/reason").asString()).startsWith("Appeal granted");
        assertThat(asTheTradeReadsIt.at("/override/by").isNull()).isTrue();
        assertThat(asTheTradeReadsIt.get("assignmentHistory").findValues("decidedBy"))
                .allSatisfy(by -> assertThat(by.isNull()).isTrue());
        assertThat(held.at("/override/by").asString()).isEqualTo(MANAGER);

        JsonNode lifted =
                delete(MANAGER, path, "{\"reason\": \"review finished\"}").json();
        assertThat(lifted.get("center").asString()).isEqualTo("ELEC");
        assertThat(lifted.get("override").isNull()).isTrue();
        assertThat(lifted.get("assignmentHistory").findValuesAsString("kind"))
                .containsExactly("INITIAL", "OVERRIDE", "OVERRIDE_LIFTED");

        Response again = delete(MANAGER, path, "{\"reason\": \"review finished\"}");
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("NO_OVERRIDE_IN_FORCE");
        assertThat(get(MANAGER, "/api/v1/accounts/" + importer)
                        .json()
                        .get("assignmentHistory")
                        .findValuesAsString("kind"))
                .containsExactly("INITIAL", "OVERRIDE", "OVERRIDE_LIFTED");
    }

    @Test
    void anAccountForAMalformedImporterNumberIsRefusedWithTheCodeIntakeReportsItUnder() {
        Response malformed =
                post(MANAGER, "/api/v1/accounts", MediaType.APPLICATION_JSON, "{\"importerNumber\": \"123-45-678\"}");
        Response missing = post(MANAGER, "/api/v1/accounts", MediaType.APPLICATION_JSON, "{}");
        Response onPath = post(
                MANAGER,
                "/api/v1/accounts/123-45-678/trusted-partner",
                MediaType.APPLICATION_JSON,
                "{\"from\": \"2025-01-01\"}");

        assertThat(malformed.code()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/code").asString()).isEqualTo("IMPORTER_NUMBER_FORMAT");
        assertThat(malformed.json().at("/errors/0/message").asString())
                .isEqualTo(ImporterNumber.problemWith("123-45-678"));
        assertThat(missing.code()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/code").asString()).isEqualTo("REQUIRED");
        assertThat(onPath.code()).isEqualTo(400);
        assertThat(onPath.json().at("/errors/0/code").asString()).isEqualTo("IMPORTER_NUMBER_FORMAT");
    }

    @Test
    void aMalformedImporterNumberInThePathIsRefusedByEveryAccountsEndpointAsIntakeReportsIt() {
        String malformed = "12-3456789";
        String base = "/api/v1/accounts/" + malformed;
        List<Response> answers = List.of(
                get(SPECIALIST, base),
                get(FILER, base),
                post(
                        MANAGER,
                        base + "/center-override",
                        MediaType.APPLICATION_JSON,
                        "{\"center\": \"ELEC\", \"reason\": \"moved by the director\"}"),
                delete(MANAGER, base + "/center-override", "{\"reason\": \"review finished now\"}"),
                post(MANAGER, base + "/trusted-partner", MediaType.APPLICATION_JSON, "{\"from\": \"2025-01-01\"}"),
                post(
                        MANAGER,
                        base + "/trusted-partner/end",
                        MediaType.APPLICATION_JSON,
                        "{\"reason\": \"CTPAT suspended after a visit\"}"));

        for (Response answer : answers) {
            assertThat(answer.code()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("IMPORTER_NUMBER_FORMAT");
            assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("importerNumber");
            assertThat(answer.json().at("/errors/0/message").asString())
                    .isEqualTo(ImporterNumber.problemWith(malformed));
        }
    }

    @Test
    void anImporterNumberOfAnyLengthInThePathIsEchoedInAtMostFortyCharacters() {
        String endless = "1".repeat(3_000);

        Response answer = get(SPECIALIST, "/api/v1/accounts/" + endless);

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("IMPORTER_NUMBER_FORMAT");
        assertThat(answer.json().at("/errors/0/message").asString())
                .contains("'" + "1".repeat(40) + "\u2026'")
                .doesNotContain("1".repeat(41));
    }

    @Test
    void trustedPartnerStatusIsRecordedWithItsDates() {
        String importer = importer();
        assertThat(post(
                                MANAGER,
                                "/api/v1/accounts",
                                MediaType.APPLICATION_JSON,
                                "{\"importerNumber\": \"" + importer + "\"}")
                        .code())
                .isEqualTo(201);

        JsonNode account = post(
                        MANAGER,
                        "/api/v1/accounts/" + importer + "/trusted-partner",
                        MediaType.APPLICATION_JSON,
                        "{\"program\": \"CTPAT_TRADE_COMPLIANCE\", \"from\": \"2025-01-01\"}")
                .json();

        assertThat(account.at("/trustedPartner/0/program").asString()).isEqualTo("CTPAT_TRADE_COMPLIANCE");
        assertThat(account.at("/trustedPartner/0/activeToday").asBoolean()).isTrue();
        assertThat(accounts.isTrustedPartner(ImporterNumber.parse(importer), LocalDate.of(2026, 6, 30)))
                .isTrue();
        assertThat(accounts.isTrustedPartner(ImporterNumber.parse(importer), LocalDate.of(2024, 12, 31)))
                .isFalse();
        assertThat(post(
                                MANAGER,
                                "/api/v1/accounts/" + importer + "/trusted-partner",
                                MediaType.APPLICATION_JSON,
                                "{\"from\": \"2026-07-01\"}")
                        .code())
                .isEqualTo(400);
    }

    @Test
    void trustedPartnerPeriodsDoNotOverlapAndAStatusCanBeEndedWithAReason() {
        String importer = importer();
        post(MANAGER, "/api/v1/accounts", MediaType.APPLICATION_JSON, "{\"importerNumber\": \"" + importer + "\"}");
        String path = "/api/v1/accounts/" + importer + "/trusted-partner";
        assertThat(post(MANAGER, path, MediaType.APPLICATION_JSON, "{\"from\": \"2025-01-01\"}")
                        .code())
                .isEqualTo(200);

        Response overlapping =
                post(MANAGER, path, MediaType.APPLICATION_JSON, "{\"from\": \"2025-06-01\", \"to\": \"2025-12-31\"}");
        assertThat(overlapping.code()).isEqualTo(409);
        assertThat(overlapping.json().at("/errors/0/code").asString()).isEqualTo("TRUSTED_PARTNER_PERIOD_OVERLAPS");

        assertThat(post(MANAGER, path + "/end", MediaType.APPLICATION_JSON, "{\"on\": \"2026-05-31\"}")
                        .code())
                .as("ending needs a reason")
                .isEqualTo(400);
        JsonNode ended = post(
                        MANAGER,
                        path + "/end",
                        MediaType.APPLICATION_JSON,
                        "{\"on\": \"2026-05-31\", \"reason\": \"CTPAT suspended after a validation visit\"}")
                .json();
        assertThat(ended.at("/trustedPartner/0/to").asString()).isEqualTo("2026-05-31");
        assertThat(ended.at("/trustedPartner/0/activeToday").asBoolean()).isFalse();
        assertThat(accounts.isTrustedPartner(ImporterNumber.parse(importer), LocalDate.of(2026, 6, 1)))
                .isFalse();
        assertThat(post(
                                MANAGER,
                                path + "/end",
                                MediaType.APPLICATION_JSON,
                                "{\"reason\": \"CTPAT suspended after a validation visit\"}")
                        .code())
                .isEqualTo(409);
        assertThat(post(MANAGER, path, MediaType.APPLICATION_JSON, "{\"from\": \"2026-06-15\"}")
                        .code())
                .as("a new period after the ended one")
                .isEqualTo(200);
    }

    @Test
    void aFilerSeesOnlyTheAccountsItFilesFor() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "8471300100", "5000.00", null));

        assertThat(get(FILER, "/api/v1/accounts/" + importer).code()).isEqualTo(200);
        assertThat(get(OTHER_FILER, "/api/v1/accounts/" + importer).code()).isEqualTo(404);
        assertThat(get(SPECIALIST, "/api/v1/accounts/" + importer).code()).isEqualTo(200);
        assertThat(get(SPECIALIST, "/api/v1/accounts/12-3456789AB").code()).isEqualTo(404);
    }

    @Test
    void aSecondFilerSeesTheAccountOnceItHasFiledForItToo() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "8471300100", "5000.00", null));
        file(importer, "2026-02-03", line(1, "8471300100", "6000.00", null));
        assertThat(get(OTHER_FILER, "/api/v1/accounts/" + importer).code()).isEqualTo(404);

        fileAs(OTHER_FILER, importer, "2026-02-04", line(1, "8471300100", "7000.00", null));

        assertThat(get(OTHER_FILER, "/api/v1/accounts/" + importer).code()).isEqualTo(200);
        assertThat(get(FILER, "/api/v1/accounts/" + importer).code()).isEqualTo(200);
    }

    @Test
    void tradeTotalsAreKeptPerMonthAndCenterForStoredAccountsAndCentersOnly() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "8471300100", "5000.00", null), line(2, "6109100012", "700.00", null));
        file(importer, "2026-02-20", line(1, "8471300100", "300.00", null));
        file(importer, "2026-03-02", line(1, "8471300100", "50.00", null));

        List<String> totals = jdbc.sql(
                        "select t.month || ' ' || t.center || ' ' || t.entered_value || ' ' || t.line_count"
                                + " from account_trade_month t join account a on a.id = t.account_id"
                                + " where a.importer_number = ? order by t.month, t.center")
                .param(importer)
                .query(String.class)
                .list();
        assertThat(totals)
                .containsExactly("2026-02-01 AFT 700.00 1", "2026-02-01 ELEC 5300.00 2", "2026-03-01 ELEC 50.00 1");
        // the totals carry no foreign keys (decision record 0011): intake alone writes them, for rows it has read
        long orphans = jdbc.sql("select count(*) from account_trade_month t"
                        + " where not exists (select 1 from account a where a.id = t.account_id)"
                        + " or not exists (select 1 from center c where c.code = t.center)")
                .query(Long.class)
                .single();
        assertThat(orphans).isZero();
    }

    @Test
    void assignmentChangesAreAuditedAndTheAuditLogRefusesChanges() {
        String importer = importer();
        file(importer, "2026-02-02", line(1, "8471300100", "5000.00", null));

        long assigned = jdbc.sql("select count(*) from audit_log where subject_type = 'account' and subject_id = ?"
                        + " and action = 'ACCOUNT_CENTER_ASSIGNED' and actor = 'system'"
                        + " and detail ->> 'filedBy' = 'filer'")
                .param(importer)
                .query(Long.class)
                .single();
        assertThat(assigned).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else' where subject_id = ?")
                        .param(importer)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where subject_id = ?")
                        .param(importer)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anAccountsAuditTrailIsReadByItsImporterNumberInAnyCase() {
        String serial = freshSerial();
        String importer = "9" + serial.charAt(6) + "-" + serial + "AB";
        file(importer, "2026-02-02", line(1, "8471300100", "5000.00", null));

        List<String> asStored = actions(get(SPECIALIST, "/api/v1/audit/account/" + importer));
        List<String> lowerCase = actions(get(SPECIALIST, "/api/v1/audit/account/" + importer.toLowerCase()));
        Response malformed = get(SPECIALIST, "/api/v1/audit/account/not-a-number");

        assertThat(asStored).contains("ACCOUNT_CENTER_ASSIGNED");
        assertThat(lowerCase).isEqualTo(asStored);
        assertThat(malformed.code()).isEqualTo(200);
        assertThat(malformed.json()).isEmpty();
    }

    private static List<String> actions(Response trail) {
        assertThat(trail.code()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        trail.json().forEach(row -> actions.add(row.get("action").asString()));
        return actions;
    }

    private String center(String importer) {
        return account(importer).get("center").asString();
    }

    private long initialAssignments(String importer) {
        return jdbc.sql("select count(*) from account_assignment g join account a on a.id = g.account_id"
                        + " where a.importer_number = ? and g.kind = 'INITIAL'")
                .param(importer)
                .query(Long.class)
                .single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The other chunk never routed its trade");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Changes an account behind the service's back, to stage what only time or configuration would bring about. */
    private void onAccount(String importer, String update) {
        jdbc.sql(update).param(importer).update();
    }

    private <T> T stored(String importer, String column, Class<T> type) {
        return jdbc.sql("select " + column + " from account where importer_number = ?")
                .param(importer)
                .query(type)
                .single();
    }

    @Test
    void anAccountIsWeighedAgainWhenTheMonthThatHeldItsCenterLeavesTheTrailingWindow() {
        String importer = importer();
        file(importer, "2025-07-15", line(1, "6109100012", "900000.00", null));
        file(importer, "2026-06-01", line(1, "8471300100", "1000.00", null));
        assertThat(account(importer).get("center").asString()).isEqualTo("AFT");
        // as a month later: the July trade is the month before the window, and the account was weighed a window ago
        jdbc.sql("update account_trade_month set month = date '2025-06-01' where month = date '2025-07-01'"
                        + " and account_id = (select id from account where importer_number = ?)")
                .param(importer)
                .update();
        jdbc.sql("update account set weighed_window = date '2025-06-01' where importer_number = ?")
                .param(importer)
                .update();

        int weighed = accounts.weighOnCurrentWindow("system");
        JsonNode account = account(importer);

        assertThat(weighed).isPositive();
        assertThat(account.get("center").asString()).isEqualTo("ELEC");
        assertThat(account.at("/assignmentBasis/shares/ELEC").asString()).isEqualTo("100.00");
        assertThat(account.get("assignmentHistory").findValuesAsString("kind"))
                .containsExactly("INITIAL", "REASSESSED");
        assertThat(account.at("/assignmentHistory/1/decidedBy").asString()).isEqualTo("system");
        assertThat(accounts.weighOnCurrentWindow("system"))
                .as("each account once a window")
                .isZero();
    }

    private void file(String importer, String entryDate, String... lines) {
        fileAs(FILER, importer, entryDate, lines);
    }

    private void fileAs(String filer, String importer, String entryDate, String... lines) {
        Response response =
                post(filer, ENTRIES, MediaType.APPLICATION_JSON, filed(entryNumber("ACC"), importer, entryDate, lines));
        assertThat(response.code()).as(response.body()).isEqualTo(201);
    }

    /** The account as CBP staff read it. */
    private JsonNode account(String importer) {
        return get(SPECIALIST, "/api/v1/accounts/" + importer).json();
    }

    /** Files summaries as one newline-delimited JSON batch. */
    private Response batch(String... summaries) {
        return post(
                FILER,
                ENTRIES + "/batches",
                NDJSON,
                Arrays.stream(summaries).map(Summaries::oneLine).collect(Collectors.joining("\n")));
    }

    private List<String> centersOf(String... entryNumbers) {
        return Arrays.stream(entryNumbers)
                .map(number -> get(FILER, ENTRIES + "/" + number.replace("-", ""))
                        .json()
                        .get("center")
                        .asString())
                .toList();
    }

    /** A post-summary correction of a type 01 summary. */
    private static String correction(String entryNumber, String importer, String entryDate, String... lines) {
        return summary(entryNumber, "01", importer, entryDate, entryDate, true, lines);
    }

    /** A type 01 summary of an importer, filed on its entry date. */
    private static String filed(String entryNumber, String importer, String entryDate, String... lines) {
        return summary(entryNumber, "01", importer, entryDate, entryDate, false, lines);
    }
}
