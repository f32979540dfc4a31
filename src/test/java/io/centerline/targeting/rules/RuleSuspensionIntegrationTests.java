package io.centerline.targeting.rules;

import static io.centerline.targeting.rules.Lines.aluminiumFromChina;
import static io.centerline.targeting.rules.Lines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.Finding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rule version suspended for exceeding its evaluation budget stays suspended after a restart, until a targeter
 * resumes it with a reason; the suspension and the resumption are audited.
 */
class RuleSuspensionIntegrationTests extends ApiTest {

    /**
     * Fires on every line without "zz" in its description, and takes far longer than its budget of processor time on
     * a description of 400,000 characters.
     */
    private static final String SLOW = "[" + "1,".repeat(199) + "1]"
            + ".all(a, [1, 2, 3].all(b, line.description.lowerAscii().upperAscii()"
            + ".lowerAscii().contains(\\\"zz\\\") == false))";

    @Autowired
    RuleBook book;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private List<Finding> findingsOf(String code, EntryUnderReview entry) {
        return RuleFindings.of(book, clock, code, entry);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aRuleSuspendedForItsBudgetStaysSuspendedAfterARestartUntilATargeterResumesIt() {
        String code = "SLOW-" + freshSerial();
        Response created =
                post(TARGETER, "/api/v1/targeting/rules", MediaType.APPLICATION_JSON, """
                {"code": "%s", "name": "Descriptions without zz", "expression": "%s",
                 "reasonTemplate": "{line.hts} described without zz", "strength": 0.5,
                 "tradeReason": "The description of the goods is being compared with similar imports."}""".formatted(code, SLOW));
        EntryUnderReview ordinary = entry().on(LocalDate.of(2026, 6, 30)).with(aluminiumFromChina());
        EntryUnderReview heavy =
                entry().on(LocalDate.of(2026, 6, 30)).with(aluminiumFromChina().description("Ab".repeat(200_000)));
        assertThat(findingsOf(code, ordinary)).hasSize(1);

        for (int i = 2; i < RuleLimits.WARM_UP_EVALUATIONS; i++) {
            assertThat(findingsOf(code, ordinary)).hasSize(1);
        }
        assertThat(findingsOf(code, heavy))
                .as("the warm-up's last evaluation, run to its end")
                .hasSize(1);
        for (int i = 0; i < RuleLimits.SUSPEND_AFTER_STOPS; i++) {
            assertThat(findingsOf(code, heavy)).isEmpty();
        }

        assertThat(count(
                        "select count(*) from targeting_rule_suspension where code = ? and version = 1"
                                + " and resumed_at is null and stops = ?",
                        code,
                        RuleLimits.SUSPEND_AFTER_STOPS))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_log where action = 'RULE_SUSPENDED' and subject_id = ?"
                                + " and actor = 'system'",
                        code))
                .isEqualTo(1);
        book.forget();
        assertThat(findingsOf(code, ordinary)).isEmpty();
        assertThat(book.statistics(RuleCode.of(code), 1).suspended()).isTrue();
        Response read = get(TARGETER, "/api/v1/targeting/rules/" + code + "/versions/1");
        assertThat(read.json().at("/suspension/stops").asInt()).isEqualTo(RuleLimits.SUSPEND_AFTER_STOPS);
        assertThat(read.json().at("/suspension/cause").asText()).startsWith("The evaluation was stopped after");
        assertThat(read.json().get("inForceToday").asBoolean()).isFalse();
        assertThat(get(TARGETER, "/api/v1/targeting/rules?active=true").body()).doesNotContain(code);

        Response withoutReason = post(
                TARGETER,
                "/api/v1/targeting/rules/" + code + "/versions/1/resume",
                MediaType.APPLICATION_JSON,
                "{\"reason\": \".\"}");
        Response resumed = post(
                TARGETER,
                "/api/v1/targeting/rules/" + code + "/versions/1/resume",
                MediaType.APPLICATION_JSON,
                "{\"reason\": \"Descriptions are limited to 500 characters now\"}");
        Response again = post(
                TARGETER,
                "/api/v1/targeting/rules/" + code + "/versions/1/resume",
                MediaType.APPLICATION_JSON,
                "{\"reason\": \"Resume it once more\"}");

        assertThat(withoutReason.code()).isEqualTo(422);
        assertThat(withoutReason.body()).contains("RULE_RESUME_REASON_REQUIRED");
        assertThat(resumed.code()).isEqualTo(200);
        assertThat(resumed.json().get("suspension").isNull()).isTrue();
        assertThat(resumed.json().get("inForceToday").asBoolean()).isTrue();
        assertThat(findingsOf(code, ordinary)).hasSize(1);
        assertThat(book.statistics(RuleCode.of(code), 1).evaluations()).isEqualTo(1);
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asText()).isEqualTo("RULE_NOT_SUSPENDED");
        assertThat(count(
                        "select count(*) from audit_log where action = 'RULE_RESUMED' and subject_id = ?"
                                + " and actor = ?",
                        code,
                        TARGETER))
                .isEqualTo(1);
    }

    @Test
    void theAuditTrailOfARuleIsForTargetersAndAdministratorsAsTheRuleItselfIs() {
        String code = "TRAIL-" + freshSerial();
        post(TARGETER, "/api/v1/targeting/rules", MediaType.APPLICATION_JSON, """
                {"code": "%s", "name": "Cheap aluminium", "expression": "line.unitValue < 2.5",
                 "reasonTemplate": "{line.hts} at {line.unitValue} per unit", "strength": 0.5,
                 "tradeReason": "The value of the goods is being compared with similar imports."}""".formatted(code));

        for (String user : List.of(SPECIALIST, MANAGER, FILER)) {
            assertThat(get(user, "/api/v1/audit/targeting-rule/" + code).code())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(get(ADMIN, "/api/v1/audit/targeting-rule/" + code).body()).contains("RULE_CREATED");
        assertThat(get(TARGETER, "/api/v1/audit/targeting-rule/" + code).body()).contains("line.unitValue < 2.5");
        assertThat(get(SPECIALIST, "/api/v1/audit/risk-model/1").code()).isEqualTo(403);
    }

    @Test
    void resumingAVersionThatDoesNotExistAnswersNotFound() {
        Response missing = post(
                TARGETER,
                "/api/v1/targeting/rules/NO-SUCH-RULE-" + freshSerial() + "/versions/1/resume",
                MediaType.APPLICATION_JSON,
                "{\"reason\": \"It was fixed\"}");

        assertThat(missing.code()).isEqualTo(404);
    }
}
