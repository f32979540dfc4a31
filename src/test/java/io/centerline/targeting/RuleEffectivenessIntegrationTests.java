package io.centerline.targeting;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.laptops;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.oneLine;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** A targeter's rule fires on a filed summary, a review outcome comes back, and the rule's figures change. */
class RuleEffectivenessIntegrationTests extends ApiTest {

    @Test
    void aReviewOutcomeShowsInTheEffectivenessOfTheRuleThatSelectedTheEntry() {
        String importer = importer();
        String code = rule(importer);
        String entry = filedLaptops(importer);
        JsonNode risk = scored(entry);

        assertThat(risk.get("reasons").toString()).contains("Rule " + code);
        JsonNode before = figures(code);
        Response outcome =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "CLASSIFICATION", "revenueDifference": "3120.00"}""".formatted(entry));
        JsonNode after = figures(code);

        assertThat(risk.get("reasons").toString()).contains("Rule " + code);
        assertThat(get(FILER, "/api/v1/entry-summaries/" + entry)
                        .json()
                        .at("/risk/reasons")
                        .toString())
                .doesNotContain(code, "8471", "startsWith");
        assertThat(before.get("flagged").asInt()).isEqualTo(1);
        assertThat(before.get("reviewed").asInt()).isZero();
        assertThat(before.get("hitRate").isNull()).isTrue();
        assertThat(outcome.code()).isEqualTo(201);
        assertThat(after.get("reviewed").asInt()).isEqualTo(1);
        assertThat(after.get("findings").asInt()).isEqualTo(1);
        assertThat(after.get("hitRate").asDouble()).isEqualTo(1.0);
        assertThat(after.get("revenueFound").asString()).isEqualTo("3120.00");
    }

    @Test
    void anEntryFlaggedOnTwoVersionsCountsOnceAndItsReviewOfTheCorrectionCountsForIt() {
        String importer = importer();
        String code = rule(importer);
        String number = entryNumber("ABC");
        String entry = number.replace("-", "");
        // the original and its correction in one batch: the correction is filed before the original is scored, and so
        // before selection could put the entry under review, which would refuse it
        Response filed = post(
                FILER,
                "/api/v1/entry-summaries/batches",
                MediaType.parseMediaType("application/x-ndjson"),
                oneLine(laptops(number, importer)) + "\n"
                        + oneLine(summary(
                                number,
                                "01",
                                importer,
                                "2026-03-02",
                                "2026-03-12",
                                true,
                                line(1, "8471300100", "120000.00", null))));
        assertThat(filed.json().get("accepted").asInt()).as(filed.body()).isEqualTo(2);
        assertThat(scored(entry).get("reasons").toString()).contains("Rule " + code);

        JsonNode before = figures(code);
        Response outcome =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "version": 2, "outcome": "VALUE", "revenueDifference": "75.00"}""".formatted(entry));
        JsonNode after = figures(code);

        assertThat(before.get("flagged").asInt()).isEqualTo(1);
        assertThat(before.get("reviewed").asInt()).isZero();
        assertThat(before.get("revenueFound").asString()).isEqualTo("0.00");
        assertThat(outcome.code()).as(outcome.body()).isEqualTo(201);
        assertThat(after.get("flagged").asInt()).isEqualTo(1);
        assertThat(after.get("reviewed").asInt()).isEqualTo(1);
        assertThat(after.get("findings").asInt()).isEqualTo(1);
        assertThat(after.get("revenueFound").asString()).isEqualTo("75.00");
    }

    @Test
    void reviewsThatFoundNothingShowNoRevenueInDollarsAndCents() {
        String importer = importer();
        String code = rule(importer);
        String entry = filedLaptops(importer);
        Response outcome =
                post(SPECIALIST, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, """
                {"entryNumber": "%s", "outcome": "NO_CHANGE", "revenueDifference": "0.00"}""".formatted(entry));
        JsonNode after = figures(code);

        assertThat(outcome.code()).as(outcome.body()).isEqualTo(201);
        assertThat(after.get("reviewed").asInt()).isEqualTo(1);
        assertThat(after.get("findings").asInt()).isZero();
        assertThat(after.get("revenueFound").asString()).isEqualTo("0.00");
    }

    /** A summary of laptops from Vietnam filed for the importer; answers its entry number as stored. */
    private String filedLaptops(String importer) {
        String number = entryNumber("ABC");
        assertThat(post(FILER, "/api/v1/entry-summaries", MediaType.APPLICATION_JSON, laptops(number, importer))
                        .code())
                .isEqualTo(201);
        return number.replace("-", "");
    }

    /** A rule that fires on every laptop line from Vietnam of one importer only, so no other test's entries count. */
    private String rule(String importer) {
        String code = "VN-LAPTOPS-" + freshSerial();
        Response rule =
                post(TARGETER, "/api/v1/targeting/rules", MediaType.APPLICATION_JSON, """
                {"code": "%s", "name": "Vietnamese laptops of one importer",
                 "expression": "line.hts.startsWith(\\"8471\\") && line.countryOfOrigin == \\"VN\\" && entry.importer == \\"%s\\"",
                 "reasonTemplate": "{line.hts} from {line.countryOfOrigin}",
                 "tradeReason": "The classification and origin of the computers on this entry are being checked.",
                 "strength": 0.9}""".formatted(code, importer));
        assertThat(rule.code()).as(rule.body()).isEqualTo(201);
        return code;
    }

    private JsonNode figures(String code) {
        JsonNode rows = get(TARGETER, "/api/v1/targeting/effectiveness?from=2026-01-01&code=" + code)
                .json();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The assessment of a version just filed: scoring is done by the time intake answers. */
    private JsonNode scored(String number) {
        JsonNode risk =
                get(SPECIALIST, "/api/v1/entry-summaries/" + number).json().get("risk");
        assertThat(risk.get("status").asString()).as("scored within intake").isEqualTo("SCORED");
        return risk;
    }
}
