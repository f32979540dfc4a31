package io.centerline.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class RuleApiIntegrationTests extends ApiTest {

    static final String RULES = "/api/v1/targeting/rules";
    static final String EXAMPLE =
            "line.countryOfOrigin == \\\"CN\\\" && line.hts.startsWith(\\\"7604\\\") && line.unitValue < 2.5";

    static String code() {
        return "CN-ALU-" + freshSerial();
    }

    static String rule(String code, String expression) {
        return """
                {"code": "%s", "name": "Chinese aluminium extrusions at a low unit value",
                 "expression": "%s",
                 "reasonTemplate": "{line.hts} from {line.countryOfOrigin} at {line.unitValue} per unit",
                 "tradeReason": "The declared value of these aluminium goods is being compared with similar imports.",
                 "strength": 0.8}""".formatted(code, expression);
    }

    private Response create(String code, String expression) {
        return post(TARGETER, RULES, MediaType.APPLICATION_JSON, rule(code, expression));
    }

    @Test
    void aTargeterCreatesARuleAsVersionOneAndReadsItBackWithItsAuditTrail() {
        String code = code();

        Response created = create(code, EXAMPLE);

        assertThat(created.code()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("owner").asString()).isEqualTo(TARGETER);
        assertThat(body.get("center").isNull()).isTrue();
        assertThat(body.get("inForceToday").asBoolean()).isTrue();
        assertThat(body.get("strength").asDouble()).isEqualTo(0.8);
        JsonNode read = get(TARGETER, RULES + "/" + code).json();
        assertThat(read.at("/current/expression").asString()).startsWith("line.countryOfOrigin == \"CN\"");
        assertThat(read.get("versions")).hasSize(1);
        assertThat(read.get("trail").findValuesAsString("action")).containsExactly("RULE_CREATED");
        assertThat(read.at("/trail/0/actor").asString()).isEqualTo(TARGETER);
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedWithCelsMessageLineAndColumn() {
        String code = code();
        Response refused = create(code, "line.countryOfOrigin == \\\"CN\\\" && line.htss.startsWith(\\\"7604\\\")");

        assertThat(refused.code()).isEqualTo(422);
        JsonNode error = refused.json().at("/errors/0");
        assertThat(error.get("field").asString()).isEqualTo("expression");
        assertThat(error.get("code").asString()).isEqualTo("RULE_DOES_NOT_COMPILE");
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("column").asInt()).isEqualTo(33);
        assertThat(error.get("message").asString()).contains("Unknown field 'line.htss'", "'line.hts'");
        assertThat(error.get("snippet").asString()).contains("^");
        assertThat(get(TARGETER, RULES + "/" + code).code()).isEqualTo(404);
    }

    @Test
    void aRuleOrANewVersionThatFailsOnEveryEntryItIsTriedOnIsRefusedWithTheError() {
        String code = code();
        Response divided = create(code, "1/0 == 1");
        Response overflowing = create(code, "9223372036854775807 + 1 > 0");
        create(code, EXAMPLE);
        Response notANumber = post(
                TARGETER,
                RULES + "/" + code + "/versions",
                MediaType.APPLICATION_JSON,
                "{\"expression\": \"double(\\\"abc\\\") > 0.0\"}");

        for (Response refused : java.util.List.of(divided, overflowing, notANumber)) {
            assertThat(refused.code()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("expression");
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("RULE_ALWAYS_FAILS");
            assertThat(refused.json().at("/errors/0/message").asString()).contains("so it would never fire: ");
        }
        assertThat(divided.json().at("/errors/0/message").asString()).contains("/ by zero");
        assertThat(get(TARGETER, RULES + "/" + code).json().get("versions")).hasSize(1);
    }

    @Test
    void aTypeErrorIsRefused() {
        Response refused = create(code(), "line.unitValue < \\\"a\\\"");

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/message").asString()).contains("no matching overload");
    }

    @Test
    void everyProblemOfARuleIsReportedAtOnceWithTheFieldAtFault() {
        String body = """
                {"code": "cn alu", "name": " ", "center": "XYZ", "owner": "nobody-here",
                 "expression": "line.unitValue < 2.5",
                 "reasonTemplate": "{line.hts} at {line.unitPrice}",
                 "tradeReason": "  ", "strength": 1.5, "activeFrom": "2026-08-01", "activeTo": "2026-07-01"}""";

        Response refused = post(TARGETER, RULES, MediaType.APPLICATION_JSON, body);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("code"))
                .containsExactlyInAnyOrder(
                        "RULE_CODE_FORMAT",
                        "REQUIRED",
                        "CENTER_UNKNOWN",
                        "OWNER_UNKNOWN",
                        "TEMPLATE_PLACEHOLDER_UNKNOWN",
                        "REQUIRED",
                        "STRENGTH_RANGE",
                        "PERIOD_ORDER");
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .contains("code", "name", "center", "owner", "reasonTemplate", "tradeReason", "strength", "activeTo");
    }

    @Test
    void aTradeReasonThatRevealsTheRuleIsRefused() {
        String body = rule(code(), EXAMPLE)
                .replace(
                        "The declared value of these aluminium goods is being compared with similar imports.",
                        "Your line.unitValue is below 2.5");

        Response refused = post(TARGETER, RULES, MediaType.APPLICATION_JSON, body);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("TRADE_REASON_REVEALS_RULE");
    }

    @Test
    void aSecondRuleWithTheSameCodeIsAConflict() {
        String code = code();
        create(code, EXAMPLE);

        Response again = create(code, "line.unitValue < 1.0");

        assertThat(again.code()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("RULE_EXISTS");
    }

    @Test
    void aChangeIsANewVersionAndTheEarlierVersionStaysAsItWas() {
        String code = code();
        create(code, EXAMPLE);

        Response changed = post(
                TARGETER,
                RULES + "/" + code + "/versions",
                MediaType.APPLICATION_JSON,
                "{\"expression\": \"line.countryOfOrigin == \\\"CN\\\" && line.unitValue < 1.5\", \"strength\": 0.6}");

        assertThat(changed.code()).isEqualTo(201);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(changed.json().get("tradeReason").asString()).startsWith("The declared value");
        assertThat(changed.json().get("activeFrom").asString()).isEqualTo("2026-06-30");
        JsonNode read = get(TARGETER, RULES + "/" + code).json();
        assertThat(read.at("/current/version").asInt()).isEqualTo(2);
        assertThat(read.get("versions").findValues("version"))
                .extracting(JsonNode::asInt)
                .containsExactly(2, 1);
        assertThat(read.at("/versions/1/expression").asString()).contains("line.unitValue < 2.5");
        assertThat(read.at("/versions/1/strength").asDouble()).isEqualTo(0.8);
        // both periods hold today, but scoring applies the later version only
        assertThat(read.at("/versions/0/inForceToday").asBoolean()).isTrue();
        assertThat(read.at("/versions/1/inForceToday").asBoolean()).isFalse();
        assertThat(get(TARGETER, RULES + "/" + code + "/versions/1")
                        .json()
                        .get("inForceToday")
                        .asBoolean())
                .isFalse();
        assertThat(read.get("trail").findValuesAsString("action"))
                .containsExactly("RULE_CREATED", "RULE_VERSION_CREATED");
        assertThat(get(TARGETER, RULES + "/" + code + "/versions/1")
                        .json()
                        .get("expression")
                        .asString())
                .contains("2.5");
    }

    @Test
    void aNewVersionThatDoesNotCompileIsRefusedAndNothingIsStored() {
        String code = code();
        create(code, EXAMPLE);

        Response refused = post(
                TARGETER,
                RULES + "/" + code + "/versions",
                MediaType.APPLICATION_JSON,
                "{\"expression\": \"line.unitValue < \"}");

        assertThat(refused.code()).isEqualTo(422);
        assertThat(get(TARGETER, RULES + "/" + code).json().get("versions")).hasSize(1);
    }

    @Test
    void aNewVersionThatChangesNothingOrARuleOwnedByAFilerIsRefused() {
        String code = code();
        create(code, EXAMPLE);

        Response unchanged = post(TARGETER, RULES + "/" + code + "/versions", MediaType.APPLICATION_JSON, "{}");
        Response filerOwned = post(
                TARGETER,
                RULES + "/" + code + "/versions",
                MediaType.APPLICATION_JSON,
                "{\"owner\": \"" + FILER + "\"}");

        assertThat(unchanged.code()).isEqualTo(422);
        assertThat(unchanged.json().at("/errors/0/code").asString()).isEqualTo("RULE_UNCHANGED");
        assertThat(filerOwned.code()).isEqualTo(422);
        assertThat(filerOwned.json().at("/errors/0/code").asString()).isEqualTo("OWNER_UNKNOWN");
        assertThat(get(TARGETER, RULES + "/" + code).json().get("versions")).hasSize(1);
    }

    @Test
    void retiringARuleEndsItsActivePeriodAndTakesItOutOfTheActiveList() {
        String code = code();
        create(code, EXAMPLE);

        Response retired = post(
                TARGETER,
                RULES + "/" + code + "/retire",
                MediaType.APPLICATION_JSON,
                "{\"reason\": \"Replaced by the national aluminium rule\"}");

        assertThat(retired.code()).isEqualTo(200);
        assertThat(retired.json().get("activeTo").asString()).isEqualTo("2026-06-29");
        assertThat(retired.json().get("inForceToday").asBoolean()).isFalse();
        assertThat(retired.json().get("retiredBy").asString()).isEqualTo(TARGETER);
        assertThat(get(TARGETER, RULES + "?active=true").json().findValuesAsString("code"))
                .doesNotContain(code);
        assertThat(get(TARGETER, RULES + "?active=false").json().findValuesAsString("code"))
                .contains(code);
        assertThat(get(TARGETER, RULES + "/" + code).json().get("trail").findValuesAsString("action"))
                .containsExactly("RULE_CREATED", "RULE_RETIRED");
    }

    @Test
    void aRetiredRuleIsNotRetiredAgainAndARetirementSaysWhyFromTheBusinessDateOn() {
        String code = code();
        create(code, EXAMPLE);
        // a version planned for later, whose period a retirement empties
        post(TARGETER, RULES + "/" + code + "/versions", MediaType.APPLICATION_JSON, """
                {"strength": 0.6, "activeFrom": "2026-09-01"}""");

        Response withoutReason = post(TARGETER, RULES + "/" + code + "/retire", MediaType.APPLICATION_JSON, "{}");
        Response pastDay = post(TARGETER, RULES + "/" + code + "/retire", MediaType.APPLICATION_JSON, """
                {"from": "2026-06-01", "reason": "Replaced by the national aluminium rule"}""");
        Response retired = post(TARGETER, RULES + "/" + code + "/retire", MediaType.APPLICATION_JSON, """
                {"reason": "Replaced by the national aluminium rule"}""");
        Response again = post(TARGETER, RULES + "/" + code + "/retire", MediaType.APPLICATION_JSON, """
                {"reason": "Replaced by the national aluminium rule"}""");

        assertThat(withoutReason.code()).isEqualTo(422);
        assertThat(withoutReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(withoutReason.json().at("/errors/0/code").asString()).isEqualTo("REASON_REQUIRED");
        assertThat(pastDay.code()).isEqualTo(422);
        assertThat(pastDay.json().at("/errors/0/field").asString()).isEqualTo("from");
        assertThat(pastDay.json().at("/errors/0/code").asString()).isEqualTo("DATE_IN_PAST");
        assertThat(retired.code()).isEqualTo(200);
        JsonNode planned = get(TARGETER, RULES + "/" + code + "/versions/2").json();
        assertThat(planned.get("activeFrom").asString()).isEqualTo("2026-09-01");
        assertThat(planned.get("activeTo").asString()).isEqualTo("2026-08-31");
        assertThat(again.code()).isEqualTo(422);
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("RULE_NOT_IN_FORCE");
        JsonNode trail = get(TARGETER, RULES + "/" + code).json().get("trail");
        assertThat(trail.findValuesAsString("action"))
                .containsExactly("RULE_CREATED", "RULE_VERSION_CREATED", "RULE_RETIRED");
        assertThat(trail.get(2).at("/detail/reason").asString()).isEqualTo("Replaced by the national aluminium rule");
    }

    @Test
    void aRuleOrANewVersionIsInForceFromTheBusinessDateOnNeverFromADayInThePast() {
        String code = code();
        Response past = post(
                TARGETER,
                RULES,
                MediaType.APPLICATION_JSON,
                rule(code, EXAMPLE)
                        .replace(
                                "\"strength\": 0.8}",
                                "\"strength\": 0.8, \"activeFrom\": \"2025-01-01\","
                                        + " \"activeTo\": \"2025-06-01\"}"));
        create(code, EXAMPLE);
        Response pastVersion = post(TARGETER, RULES + "/" + code + "/versions", MediaType.APPLICATION_JSON, """
                {"strength": 0.6, "activeFrom": "2026-01-01"}""");

        assertThat(past.code()).isEqualTo(422);
        assertThat(past.json().at("/errors/0/field").asString()).isEqualTo("activeFrom");
        assertThat(past.json().at("/errors/0/code").asString()).isEqualTo("DATE_IN_PAST");
        assertThat(pastVersion.code()).isEqualTo(422);
        assertThat(pastVersion.json().at("/errors/0/field").asString()).isEqualTo("activeFrom");
        assertThat(pastVersion.json().at("/errors/0/code").asString()).isEqualTo("DATE_IN_PAST");
        assertThat(get(TARGETER, RULES + "/" + code).json().get("versions")).hasSize(1);
    }

    @Test
    void resumingAVersionThatIsNotSuspendedSaysSoWhateverTheReason() {
        String code = code();
        create(code, EXAMPLE);

        Response resumed = post(TARGETER, RULES + "/" + code + "/versions/1/resume", MediaType.APPLICATION_JSON, "{}");

        assertThat(resumed.code()).isEqualTo(409);
        assertThat(resumed.json().at("/errors/0/code").asString()).isEqualTo("RULE_NOT_SUSPENDED");
    }

    @Test
    void theListKeepsTheRulesThatApplyToACenter() {
        String baseMetals = code();
        String electronics = code();
        post(
                TARGETER,
                RULES,
                MediaType.APPLICATION_JSON,
                rule(baseMetals, EXAMPLE).replace("{\"code\"", "{\"center\": \"BM\", \"code\""));
        post(
                TARGETER,
                RULES,
                MediaType.APPLICATION_JSON,
                rule(electronics, EXAMPLE).replace("{\"code\"", "{\"center\": \"ELEC\", \"code\""));

        JsonNode list = get(TARGETER, RULES + "?center=BM").json();
        JsonNode inLowerCase = get(TARGETER, RULES + "?center=bm").json();
        Response unknown = get(TARGETER, RULES + "?center=zz");
        Response backtestUnknown = post(
                TARGETER,
                RULES + "/" + baseMetals + "/versions/1/backtest?days=30&center=zz",
                MediaType.APPLICATION_JSON,
                "");

        assertThat(list.findValuesAsString("code")).contains(baseMetals).doesNotContain(electronics);
        assertThat(inLowerCase.findValuesAsString("code")).isEqualTo(list.findValuesAsString("code"));
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/code").asString()).isEqualTo("CENTER_UNKNOWN");
        assertThat(backtestUnknown.json().at("/errors/0/code").asString())
                .as(backtestUnknown.body())
                .isEqualTo("CENTER_UNKNOWN");
    }

    @Test
    void aRuleOrANewVersionTakesACenterCodeInAnyCaseAndKeepsItInCapitals() {
        String code = code();

        Response created = post(
                TARGETER,
                RULES,
                MediaType.APPLICATION_JSON,
                rule(code, EXAMPLE).replace("{\"code\"", "{\"center\": \"bm\", \"code\""));
        Response moved =
                post(TARGETER, RULES + "/" + code + "/versions", MediaType.APPLICATION_JSON, "{\"center\": \"pngm\"}");
        Response again = post(
                TARGETER, RULES + "/" + code + "/versions", MediaType.APPLICATION_JSON, "{\"center\": \" Pngm \"}");

        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("center").asString()).isEqualTo("BM");
        assertThat(moved.code()).as(moved.body()).isEqualTo(201);
        assertThat(moved.json().get("center").asString()).isEqualTo("PNGM");
        assertThat(again.code())
                .as("the same Center in another case changes nothing")
                .isEqualTo(422);
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("RULE_UNCHANGED");
        assertThat(get(TARGETER, RULES + "?center=PNGM").json().findValuesAsString("code"))
                .contains(code);
    }

    @Test
    void theFieldCatalogueIsServedWithCelTypes() {
        JsonNode fields = get(TARGETER, RULES + "/fields").json();

        assertThat(fields.findValuesAsString("name"))
                .contains(
                        "entry.totalValue",
                        "line.hts",
                        "line.unitValue",
                        "account.trustedPartner",
                        "history.importerFindingRate");
        JsonNode unitValue = null;
        for (JsonNode field : fields) {
            if (field.get("name").asString().equals("line.unitValue")) {
                unitValue = field;
            }
        }
        assertThat(unitValue.get("type").asString()).isEqualTo("double");
        assertThat(unitValue.get("group").asString()).isEqualTo("line");
        assertThat(unitValue.get("description").asString()).isNotBlank();
    }

    @Test
    void onlyTargetersAndAdministratorsMayUseRules() {
        String code = code();

        assertThat(post(FILER, RULES, MediaType.APPLICATION_JSON, rule(code, EXAMPLE))
                        .code())
                .isEqualTo(403);
        assertThat(post(SPECIALIST, RULES, MediaType.APPLICATION_JSON, rule(code, EXAMPLE))
                        .code())
                .isEqualTo(403);
        assertThat(get(MANAGER, RULES).code()).isEqualTo(403);
        assertThat(get(FILER, RULES + "/fields").code()).isEqualTo(403);
        assertThat(post(
                                SPECIALIST,
                                RULES + "/backtest",
                                MediaType.APPLICATION_JSON,
                                "{\"expression\": \"true\", \"days\": 1}")
                        .code())
                .isEqualTo(403);
        assertThat(get(null, RULES).code()).isEqualTo(401);
        assertThat(post(ADMIN, RULES, MediaType.APPLICATION_JSON, rule(code, EXAMPLE))
                        .code())
                .isEqualTo(201);
        assertThat(get(TARGETER, RULES + "/" + code).json().at("/current/owner").asString())
                .isEqualTo(ADMIN);
    }

    @Test
    void anUnknownRuleIsNotFound() {
        assertThat(get(TARGETER, RULES + "/NO-SUCH-RULE").code()).isEqualTo(404);
        assertThat(post(TARGETER, RULES + "/NO-SUCH-RULE/versions", MediaType.APPLICATION_JSON, "{}")
                        .code())
                .isEqualTo(404);
        assertThat(get(TARGETER, RULES + "/no such rule").code()).isEqualTo(404);
    }
}
