package io.centerline.targeting.web;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Backtests over entry summaries filed through the API by one importer of the test's own: cheap Chinese aluminium on
 * 2026-04-01 (reviewed on 2026-05-01, a value finding of $900) and on 2026-06-10 (reviewed, a value finding of
 * $1,234.56), dearer Chinese aluminium on 2026-06-11 (reviewed, no change) and Vietnamese laptops on 2026-06-12. The
 * business date is 2026-06-30.
 */
class RuleBacktestIntegrationTests extends ApiTest {

    private static final String RULES = "/api/v1/targeting/rules";

    @Autowired
    JdbcClient jdbc;

    private String importer;
    private String aprilCheap;
    private String juneCheap;
    private String juneDear;
    private String laptops;

    @BeforeEach
    void fileEntries() {
        importer = importer();
        aprilCheap = file("2026-04-01", aluminium(1, "500.00"));
        juneCheap = file("2026-06-10", aluminium(1, "9000.00"), aluminium(2, "600.00"));
        juneDear = file("2026-06-11", aluminium(1, "5000.00"));
        laptops = file("2026-06-12", io.centerline.support.Summaries.line(1, "8471300100", "125000.00", null));
        review(aprilCheap, "VALUE", "900.00", "2026-05-01");
        review(juneCheap, "VALUE", "1234.56", "2026-06-20");
        review(juneDear, "NO_CHANGE", "0.00", "2026-06-21");
    }

    private String file(String entryDate, String... lines) {
        String number = entryNumber("ABC");
        String summaryDate = LocalDate.parse(entryDate).plusDays(5).toString();
        Response filed = post(
                FILER,
                "/api/v1/entry-summaries",
                MediaType.APPLICATION_JSON,
                summary(number, "01", importer, entryDate, summaryDate, false, lines));
        assertThat(filed.code()).as(filed.body()).isEqualTo(201);
        return number.replace("-", "");
    }

    /** A line of 500 kg of Chinese aluminium extrusions worth the value given. */
    private static String aluminium(int number, String value) {
        return """
                {"lineNumber": %d, "htsNumber": "7604101000", "countryOfOrigin": "CN", "countryOfExport": "CN",
                 "manufacturerId": "CNALUMIN88SHA", "description": "aluminium extrusions", "enteredValue": "%s",
                 "quantity": "500", "unit": "KG", "grossWeightKg": "510", "relatedParty": false,
                 "dutyAmount": "0.00", "adcvdCaseNumber": null}""".formatted(number, value);
    }

    private void review(String entryNumber, String outcome, String revenue, String reviewedOn) {
        jdbc.sql("insert into review_outcome (entry_number, version, outcome, revenue_difference, reviewer, note,"
                        + " reviewed_on, recorded_at) values (?, 1, ?, ?, 'specialist', null, ?, ?)")
                .params(
                        entryNumber,
                        outcome,
                        new BigDecimal(revenue),
                        LocalDate.parse(reviewedOn),
                        Timestamp.from(Instant.parse("2026-06-29T12:00:00Z")))
                .update();
    }

    private String cheapAluminium() {
        return "entry.importer == \\\"" + importer + "\\\" && line.countryOfOrigin == \\\"CN\\\""
                + " && line.hts.startsWith(\\\"7604\\\") && line.unitValue < 2.5";
    }

    private Response draft(String expression, int days) {
        return post(
                TARGETER,
                RULES + "/backtest",
                MediaType.APPLICATION_JSON,
                "{\"expression\": \"" + expression + "\", \"days\": " + days + "}");
    }

    @Test
    void aBacktestSaysOnHowManyLinesTheRuleFailedWithAnError() {
        Response backtest = draft("entry.importer == \\\"" + importer + "\\\" && 1/0 == 1", 30);

        assertThat(backtest.code()).as(backtest.body()).isEqualTo(200);
        assertThat(backtest.json().get("errors").asLong()).isEqualTo(4);
        assertThat(backtest.json().get("summary").asString())
                .startsWith("Would have selected 0 of")
                .contains("; the rule failed with an error on 4 of ")
                .contains("/ by zero");
        assertThat(draft(cheapAluminium(), 30).json().get("summary").asString()).doesNotContain("failed");
    }

    @Test
    void aCenterThatIsNoCenterIsQuotedShort() {
        Response backtest = post(
                TARGETER,
                RULES + "/backtest",
                MediaType.APPLICATION_JSON,
                "{\"expression\": \"true\", \"days\": 5, \"center\": \"" + "Z".repeat(100_000) + "\"}");

        assertThat(backtest.code()).isEqualTo(422);
        assertThat(backtest.json().at("/errors/0/code").asString()).isEqualTo("CENTER_UNKNOWN");
        assertThat(backtest.json().at("/errors/0/message").asString()).hasSizeLessThan(100);
    }

    @Test
    void aDraftRuleReportsWhatItWouldHaveSelectedInThePeriodWithReviewsFindingsAndRevenue() {
        Response backtest = draft(cheapAluminium(), 30);

        assertThat(backtest.code()).as(backtest.body()).isEqualTo(200);
        JsonNode report = backtest.json();
        assertThat(report.get("from").asString()).isEqualTo("2026-06-01");
        assertThat(report.get("to").asString()).isEqualTo("2026-06-30");
        assertThat(report.at("/total/selected").asLong()).isEqualTo(1);
        assertThat(report.at("/total/reviewedBefore").asLong()).isEqualTo(1);
        assertThat(report.at("/total/withFinding").asLong()).isEqualTo(1);
        assertThat(report.at("/total/revenueFound").asString()).isEqualTo("1234.56");
        assertThat(report.at("/total/entries").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(report.get("samples").get(0).asString()).isEqualTo(juneCheap);
        assertThat(report.get("summary").asString())
                .startsWith("Would have selected 1 of")
                .contains("1 of them reviewed before, 1 with a finding ($1,234.56 revenue found)");
        JsonNode baseMetals = null;
        for (JsonNode center : report.get("byCenter")) {
            if (center.get("center").asString().equals("BM")) {
                baseMetals = center;
            }
        }
        assertThat(baseMetals).isNotNull();
        assertThat(baseMetals.get("selected").asLong()).isEqualTo(1);
        assertThat(baseMetals.get("hitRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aLongerPeriodReachesOlderEntries() {
        JsonNode report = draft(cheapAluminium(), 120).json();

        assertThat(report.at("/total/selected").asLong()).isEqualTo(2);
        assertThat(report.at("/total/revenueFound").asString()).isEqualTo("2134.56");
        assertThat(report.get("samples"))
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(aprilCheap, juneCheap);
    }

    @Test
    void aStoredRuleVersionIsBacktestedOverItsOwnCenter() {
        String code = "CN-ALU-BT-" + freshSerial();
        String body = """
                {"code": "%s", "name": "Cheap Chinese aluminium", "center": "BM", "expression": "%s",
                 "reasonTemplate": "{line.hts} at {line.unitValue} per unit",
                 "tradeReason": "The value of the aluminium goods is being compared with similar imports."}""".formatted(code, cheapAluminium());
        assertThat(post(TARGETER, RULES, MediaType.APPLICATION_JSON, body).code())
                .isEqualTo(201);

        Response backtest = post(TARGETER, RULES + "/" + code + "/versions/1/backtest?days=30", null, null);

        assertThat(backtest.code()).as(backtest.body()).isEqualTo(200);
        JsonNode report = backtest.json();
        assertThat(report.get("code").asString()).isEqualTo(code);
        assertThat(report.get("version").asInt()).isEqualTo(1);
        assertThat(report.get("center").asString()).isEqualTo("BM");
        assertThat(report.get("byCenter").findValuesAsString("center")).containsExactly("BM");
        assertThat(report.at("/total/withFinding").asLong()).isEqualTo(1);
        assertThat(post(TARGETER, RULES + "/" + code + "/versions/1/backtest?days=30&center=ELEC", null, null)
                        .code())
                .isEqualTo(422);
        assertThat(post(TARGETER, RULES + "/" + code + "/versions/7/backtest?days=30", null, null)
                        .code())
                .isEqualTo(404);
    }

    @Test
    void historyCountsOnlyReviewsMadeBeforeEachEntryDate() {
        String expression = "entry.importer == \\\"" + importer + "\\\" && history.importerFindings >= 1";

        JsonNode report = draft(expression, 120).json();

        assertThat(report.get("samples"))
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(juneCheap, juneDear, laptops);
    }

    @Test
    void aDraftThatDoesNotCompileOrAPeriodOutOfRangeIsRefused() {
        Response broken = draft("line.unitValue <", 30);
        assertThat(broken.code()).isEqualTo(422);
        assertThat(broken.json().at("/errors/0/code").asString()).isEqualTo("RULE_DOES_NOT_COMPILE");

        Response tooLong = draft("true", 10_000);
        assertThat(tooLong.code()).isEqualTo(422);
        assertThat(tooLong.json().at("/errors/0/code").asString()).isEqualTo("DAYS_RANGE");
    }

    @Test
    void aRuleThatFailsOnSomeLinesIsReportedWithItsErrors() {
        String expression = "entry.importer == \\\"" + importer + "\\\" && 1 / (entry.lineCount - 2) == 0";

        JsonNode report = draft(expression, 30).json();

        assertThat(report.get("errors").asLong()).isEqualTo(2);
        assertThat(report.get("firstError").asString()).contains("by zero");
    }
}
