package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Refusals that come from the security rules and from the framework answer in the API's error shape too. */
class ApiErrorShapeIntegrationTests extends ApiTest {

    private static final String SUMMARIES = "/api/v1/entry-summaries";

    @Test
    void aRequestWithoutCredentialsAnswersUnauthorizedInTheErrorShapeWithTheBasicChallenge() {
        Response answer = get(null, SUMMARIES + "/ABC12345676");

        assertThat(answer.code()).isEqualTo(401);
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"Centerline\"");
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertOneError(answer, "AUTHENTICATION_REQUIRED");
        assertThat(message(answer)).startsWith("Sign in with HTTP Basic: ");
    }

    @Test
    void wrongCredentialsAnswerUnauthorizedInTheErrorShapeWithTheBasicChallenge() {
        Response answer = get("nobody-by-this-name", SUMMARIES + "/ABC12345676");

        assertThat(answer.code()).isEqualTo(401);
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"Centerline\"");
        assertOneError(answer, "AUTHENTICATION_REQUIRED");
        assertThat(message(answer))
                .isEqualTo(
                        "Sign in with HTTP Basic: the user name and password given are not those of a Centerline user.");
    }

    @Test
    void aRoleRefusedByAUrlRuleAnswersForbiddenInTheErrorShape() {
        Response answer = post(SPECIALIST, SUMMARIES, MediaType.APPLICATION_JSON, "{}");

        assertThat(answer.code()).isEqualTo(403);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertOneError(answer, "FORBIDDEN");
        assertThat(message(answer))
                .isEqualTo(
                        "You are signed in as specialist, and your role (SPECIALIST) may not POST " + SUMMARIES + ".");
    }

    @Test
    void aUserWhoMayNotMakeARequestIsRefusedBeforeItsBodyIsRead() {
        Response unreadable =
                post(FILER, "/api/v1/accounts/12-3456789AB/center-override", MediaType.APPLICATION_JSON, "{bad");
        Response unknownField = post(FILER, "/api/v1/targeting/outcomes", MediaType.APPLICATION_JSON, "{\"x\": 1}");

        assertOneError(unreadable, "FORBIDDEN");
        assertThat(unreadable.code()).isEqualTo(403);
        assertOneError(unknownField, "FORBIDDEN");
        assertThat(unknownField.code()).isEqualTo(403);
    }

    @Test
    void aRoleRefusedByAMethodRuleAnswersForbiddenInTheSameShapeAsByAUrlRule() {
        Response answer = get(FILER, "/api/v1/audit/intake-batch/1");

        assertThat(answer.code()).isEqualTo(403);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertOneError(answer, "FORBIDDEN");
        assertThat(message(answer))
                .isEqualTo(
                        "You are signed in as filer, and your role (FILER) may not GET /api/v1/audit/intake-batch/1.");
        assertThat(get(FILER, "/api/v1/targeting/models")
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void anUnknownPathAnswersNotFoundInTheErrorShape() {
        Response answer = get(FILER, "/api/v1/xyz");

        assertThat(answer.code()).isEqualTo(404);
        assertOneError(answer, "NOT_FOUND");
        assertThat(message(answer))
                .isEqualTo("No API endpoint at GET /api/v1/xyz; the OpenAPI description at /v3/api-docs lists them.");
    }

    @Test
    void aKnownPathAskedWithAnotherMethodAnswersMethodNotAllowedNamingTheMethodsItTakes() {
        Response answer = exchange(FILER, "PUT", SUMMARIES, MediaType.APPLICATION_JSON, "{}");

        assertThat(answer.code()).isEqualTo(405);
        assertThat(answer.headers().getAllow()).extracting(Object::toString).containsExactly("POST");
        assertOneError(answer, "METHOD_NOT_ALLOWED");
        assertThat(message(answer)).isEqualTo(SUMMARIES + " does not take PUT; it takes POST.");
    }

    @Test
    void anEndpointThatFindsNothingKeepsItsOwnCode() {
        Response answer = get(SPECIALIST, SUMMARIES + "/ABC12345670");

        assertThat(answer.code()).isEqualTo(404);
        assertOneError(answer, "ENTRY_SUMMARY_NOT_FOUND");
    }

    @Test
    void aBodyThatIsNotJsonIsSaidToBeSoInPlainWordsNeverInTheParsersOwn() {
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(1_200)).append("]".repeat(1_200));
        for (String body : List.of("{\"itemsPerWeek\": 5,", "{\"itemsPerWeek\": five}", deep.toString())) {
            Response answer =
                    exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/ELEC", MediaType.APPLICATION_JSON, body);

            assertThat(answer.code()).as(body).isEqualTo(400);
            assertOneError(answer, "UNREADABLE_BODY");
            assertThat(message(answer))
                    .as(body)
                    .startsWith("The request body could not be read: ")
                    .doesNotContain("REDACTED", "StreamRead", "JsonToken", "`", "Source:", "byte offset");
        }
    }

    @Test
    void aDateThatIsNoDateIsNamedWithTheFormItTakes() {
        Response answer = post(
                ADMIN,
                "/api/v1/reference/hts-center-map",
                MediaType.APPLICATION_JSON,
                "{\"effectiveFrom\": \"2027-13-10\", \"ranges\": []}");

        assertThat(answer.code()).isEqualTo(400);
        assertOneError(answer, "UNREADABLE_BODY");
        assertThat(message(answer))
                .isEqualTo("The request body could not be read: field effectiveFrom: '2027-13-10' is not a date:"
                        + " write it as YYYY-MM-DD, for example 2026-03-02.");
    }

    @Test
    void aDateWrittenOtherwiseThanAsTextOfTheFormYearMonthDayIsRefusedAsAnUnreadableBodyNamingItsField() {
        Response number = post(
                MANAGER,
                "/api/v1/accounts/12-3456789AB/trusted-partner",
                MediaType.APPLICATION_JSON,
                "{\"from\": 20261201}");
        Response array = post(
                ADMIN,
                "/api/v1/reference/hts-center-map",
                MediaType.APPLICATION_JSON,
                "{\"effectiveFrom\": [2026, 12, 1], \"ranges\": []}");
        Response withATime = exchange(
                TARGETER,
                "PUT",
                "/api/v1/targeting/capacity/PNGM",
                MediaType.APPLICATION_JSON,
                "{\"itemsPerWeek\": 3, \"effectiveFrom\": \"2026-12-01T00:00:00\"}");
        Response fiveDigitYear = post(
                TARGETER,
                "/api/v1/targeting/rules/NO-SUCH-RULE/retire",
                MediaType.APPLICATION_JSON,
                "{\"from\": \"+57443-04-15\", \"reason\": \"retired for the test of dates\"}");

        for (Response answer : List.of(number, array, withATime, fiveDigitYear)) {
            assertThat(answer.code()).as(answer.body()).isEqualTo(400);
            assertOneError(answer, "UNREADABLE_BODY");
        }
        assertThat(number.json().at("/errors/0/field").asString()).isEqualTo("from");
        assertThat(message(number))
                .isEqualTo("The request body could not be read: field from: a date is expected here as text in double"
                        + " quotes, YYYY-MM-DD, not 20261201.");
        assertThat(array.json().at("/errors/0/field").asString()).isEqualTo("effectiveFrom");
        assertThat(message(array))
                .isEqualTo("The request body could not be read: field effectiveFrom: a date is expected here as text"
                        + " in double quotes, YYYY-MM-DD, not an array.");
        assertThat(message(withATime))
                .isEqualTo("The request body could not be read: field effectiveFrom: '2026-12-01T00:00:00' is not a"
                        + " date: write it as YYYY-MM-DD, for example 2026-03-02.");
        assertThat(fiveDigitYear.json().at("/errors/0/field").asString()).isEqualTo("from");
    }

    @Test
    void aUrlTomcatRefusesIsAnsweredInTheErrorShapeNamingWhatItHolds() throws Exception {
        Response slash = getAsWritten(SPECIALIST, SUMMARIES + "/QA1%2F0002001");
        Response nul = getAsWritten(SPECIALIST, SUMMARIES + "/QA1%000002001");
        Response backslash = getAsWritten(SPECIALIST, SUMMARIES + "/QA1%5C0002001");

        for (Response answer : List.of(slash, nul, backslash)) {
            assertThat(answer.code()).isEqualTo(400);
            assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
            assertOneError(answer, "BAD_REQUEST");
        }
        assertThat(message(slash))
                .isEqualTo("The URL of this request holds an encoded slash (%2F), which no path of the API takes.");
        assertThat(message(nul))
                .isEqualTo("The URL of this request holds an encoded NUL character (%00), which no path of the API"
                        + " takes.");
        assertThat(message(backslash))
                .isEqualTo("The URL of this request holds a backslash (%5C), which no path of the API takes.");
    }

    @Test
    void aUrlTheFirewallRefusesIsAnsweredInTheErrorShapeNamingWhatItHolds() throws Exception {
        Response semicolon = getAsWritten(SPECIALIST, SUMMARIES + "/QA1;x=1");
        Response doubleSlash = getAsWritten(SPECIALIST, "/api/v1//entry-summaries/QA10002001");
        Response encodedPeriod = getAsWritten(SPECIALIST, SUMMARIES + "/%2e%2e/QA10002001");

        for (Response answer : List.of(semicolon, doubleSlash, encodedPeriod)) {
            assertThat(answer.code()).isEqualTo(400);
            assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
            assertOneError(answer, "BAD_REQUEST");
        }
        assertThat(message(semicolon))
                .isEqualTo("The URL of this request holds \";\", which no path of the API takes.");
        assertThat(message(doubleSlash))
                .isEqualTo("The URL of this request holds \"//\", which no path of the API takes.");
        assertThat(message(encodedPeriod)).startsWith("The URL of this request holds \"%2e");
    }

    @Test
    void theErrorPathAskedForItselfIsNoEndpoint() throws Exception {
        Response answer = getAsWritten(SPECIALIST, "/error");

        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertOneError(answer, "NOT_FOUND");
        assertThat(message(answer))
                .isEqualTo("No API endpoint at GET /error; the OpenAPI description at /v3/api-docs lists them.");
        assertThat(get(null, "/v3/api-docs").json().at("/paths").has("/error")).isFalse();
    }

    @Test
    void aNumberWhereTextBelongsIsRefusedNotTakenAsItsDigits() {
        Response answer = post(
                ADMIN,
                "/api/v1/reference/hts-center-map/versions/1/withdraw",
                MediaType.APPLICATION_JSON,
                "{\"reason\": 5}");

        assertThat(answer.code()).isEqualTo(400);
        assertOneError(answer, "UNREADABLE_BODY");
        assertThat(message(answer)).contains("field reason: text in double quotes is expected here, not 5");
    }

    @Test
    void anUnreadableBodyIsExplainedWithoutTheServicesOwnTypeNames() {
        Response array = post(MANAGER, "/api/v1/accounts", MediaType.APPLICATION_JSON, "[1]");
        Response thresholds = exchange(
                TARGETER,
                "PUT",
                "/api/v1/targeting/detectors/unit-value",
                MediaType.APPLICATION_JSON,
                "{\"thresholds\": [1, 2]}");
        Response fraction = exchange(
                TARGETER,
                "PUT",
                "/api/v1/targeting/capacity/PNGM",
                MediaType.APPLICATION_JSON,
                "{\"itemsPerWeek\": 2.5}");

        for (Response answer : List.of(array, thresholds, fraction)) {
            assertThat(answer.code()).isEqualTo(400);
            assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("UNREADABLE_BODY");
            assertThat(message(answer))
                    .doesNotContain("`", "java.", "io.centerline", "$", "CoercionConfig", "JsonToken");
        }
        assertThat(message(array))
                .isEqualTo("The request body could not be read: the body must be a JSON object, not an array.");
        assertThat(array.json().at("/errors/0").has("field")).isFalse();
        assertThat(message(thresholds))
                .isEqualTo("The request body could not be read: field thresholds: a JSON object is expected here,"
                        + " not an array.");
        assertThat(thresholds.json().at("/errors/0/field").asString()).isEqualTo("thresholds");
        assertThat(message(fraction))
                .isEqualTo("The request body could not be read: field itemsPerWeek: a whole number is expected here,"
                        + " not 2.5.");
        assertThat(fraction.json().at("/errors/0/field").asString()).isEqualTo("itemsPerWeek");
    }

    @Test
    void aRepresentationTheEndpointCannotWriteIsRefusedInTheErrorShape() {
        Response answer = get(SPECIALIST, SUMMARIES + "/ABC12345676", MediaType.valueOf("text/csv"));

        assertThat(answer.code()).isEqualTo(406);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertOneError(answer, "NOT_ACCEPTABLE");
        assertThat(message(answer))
                .isEqualTo("GET " + SUMMARIES + "/ABC12345676 cannot answer text/csv; it answers application/json.");
    }

    @Test
    void noRefusalEchoesMoreThanFortyCharactersOfAPathVariableQueryParameterOrNameSent() {
        String sent = "Q".repeat(3_000);
        String detector = get(TARGETER, "/api/v1/targeting/detectors")
                .json()
                .at("/0/code")
                .asString();
        MediaType json = MediaType.APPLICATION_JSON;
        List<Response> answers = List.of(
                get(SPECIALIST, "/api/v1/targeting/outcomes/" + sent + "/1"),
                get(SPECIALIST, "/api/v1/targeting/assessments/" + sent + "/1"),
                get(TARGETER, "/api/v1/targeting/capacity/" + sent),
                exchange(TARGETER, "PUT", "/api/v1/targeting/capacity/" + sent, json, "{\"itemsPerWeek\": 5}"),
                get(SPECIALIST, "/api/v1/targeting/selections/" + sent),
                get(TARGETER, "/api/v1/targeting/effectiveness?center=" + sent),
                get(TARGETER, "/api/v1/targeting/detectors/" + sent),
                exchange(TARGETER, "PUT", "/api/v1/targeting/detectors/" + sent, json, "{\"enabled\": true}"),
                exchange(
                        TARGETER,
                        "PUT",
                        "/api/v1/targeting/detectors/" + detector,
                        json,
                        "{\"thresholds\": {\"" + sent + "\": 1}}"),
                get(TARGETER, "/api/v1/targeting/rules/" + sent),
                get(TARGETER, "/api/v1/targeting/rules/" + sent + "/versions/1"),
                post(TARGETER, "/api/v1/targeting/rules/" + sent + "/versions", json, "{}"),
                post(TARGETER, "/api/v1/targeting/rules/" + sent + "/retire", json, "{}"),
                post(TARGETER, "/api/v1/targeting/rules/" + sent + "/versions/1/resume", json, "{}"),
                post(TARGETER, "/api/v1/targeting/rules/" + sent + "/versions/1/backtest", json, null),
                get(TARGETER, "/api/v1/targeting/models/" + sent),
                get(SPECIALIST, "/api/v1/reference/hts-center-map?date=" + sent),
                post(
                        ADMIN,
                        "/api/v1/reference/hts-center-map",
                        json,
                        "{\"effectiveFrom\": \"2027-01-04\", \"ranges\": [{\"headingFrom\": \"" + sent
                                + "\", \"headingTo\": \"0102\", \"center\": \"" + sent + "\"}]}"),
                post(
                        ADMIN,
                        "/api/v1/reference/hts-center-map",
                        json,
                        "{\"effectiveFrom\": \"2027-01-04\", \"ranges\": [{\"headingFrom\": \"" + sent
                                + "\", \"headingTo\": \"0102\", \"center\": \"ELEC\"}]}"),
                post(
                        MANAGER,
                        "/api/v1/accounts/12-3456789AB/center-override",
                        json,
                        "{\"center\": \"" + sent + "\", \"reason\": \"moved by the director\"}"),
                post(MANAGER, "/api/v1/accounts", json, "{\"" + sent + "\": 1}"),
                post(MANAGER, "/api/v1/accounts/12-3456789AB/trusted-partner", json, "{\"from\": \"" + sent + "\"}"),
                post(
                        ADMIN,
                        "/api/v1/targeting/detectors/forced-labour/entities",
                        MediaType.parseMediaType("text/csv"),
                        "name," + sent + "\nFoo Textile Co,x\n"),
                post(
                        ADMIN,
                        "/api/v1/targeting/detectors/forced-labour/entities",
                        json,
                        "{\"entities\": [{\"name\": \"Foo Textile Co\", \"country\": \"" + sent + "\"}]}"),
                get(FILER, "/api/v1/audit/" + sent + "/x"),
                get(SPECIALIST, "/api/v1/" + sent),
                exchange(SPECIALIST, "PUT", SUMMARIES + "/" + sent, json, "{}"),
                get(SPECIALIST, SUMMARIES + "/" + sent, MediaType.parseMediaType("text/csv")));

        List<String> codes = List.of(
                "OUTCOME_NOT_FOUND",
                "ASSESSMENT_NOT_FOUND",
                "CENTER_NOT_FOUND",
                "CENTER_UNKNOWN",
                "CENTER_NOT_FOUND",
                "CENTER_UNKNOWN",
                "UNKNOWN_DETECTOR",
                "UNKNOWN_DETECTOR",
                "THRESHOLD_UNKNOWN",
                "RULE_NOT_FOUND",
                "RULE_NOT_FOUND",
                "RULE_NOT_FOUND",
                "RULE_NOT_FOUND",
                "RULE_NOT_FOUND",
                "RULE_NOT_FOUND",
                "BAD_REQUEST",
                "BAD_REQUEST",
                "CENTER_UNKNOWN",
                "HTS_CENTER_MAP_RANGES",
                "CENTER_UNKNOWN",
                "UNKNOWN_FIELD",
                "UNREADABLE_BODY",
                "CSV_HEADER_UNKNOWN_COLUMN",
                "COUNTRY_UNKNOWN",
                "FORBIDDEN",
                "NOT_FOUND",
                "METHOD_NOT_ALLOWED",
                "NOT_ACCEPTABLE");

        assertThat(answers).hasSameSizeAs(codes);
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            assertThat(answer.json().at("/errors/0/code").asString())
                    .as(answer.body())
                    .isEqualTo(codes.get(i));
            assertThat(answer.body()).contains("Q".repeat(40) + "\u2026").doesNotContain("Q".repeat(41));
            assertThat(answer.body().length()).as(answer.body()).isLessThan(1_500);
        }
    }

    @Test
    void aPathOfMoreSegmentsThanAnyOfTheApiIsEchoedInItsFirstTwelveAndAnEllipsis() {
        Response answer = get(SPECIALIST, "/api/v1/" + "a/".repeat(2_000) + "b");

        assertThat(answer.code()).isEqualTo(404);
        assertOneError(answer, "NOT_FOUND");
        assertThat(message(answer))
                .isEqualTo("No API endpoint at GET /api/v1/" + "a/".repeat(10) + "\u2026; the OpenAPI description at"
                        + " /v3/api-docs lists them.");
    }

    private static void assertOneError(Response answer, String code) {
        JsonNode body = answer.json();
        assertThat(body.propertyNames()).containsExactly("errors");
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.at("/errors/0").propertyNames())
                .contains("code", "message")
                .isSubsetOf("field", "code", "message");
        assertThat(body.at("/errors/0/code").asString()).isEqualTo(code);
    }

    private static String message(Response answer) {
        return answer.json().at("/errors/0/message").asString();
    }
}
