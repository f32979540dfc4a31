package io.centerline.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import io.centerline.targeting.detectors.ForcedLabourDetector;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class DetectorCatalogueIntegrationTests extends ApiTest {

    private static final String PATH = "/api/v1/targeting/detectors";
    private static final String ENTITIES = PATH + "/forced-labour/entities";

    @Autowired
    ForcedLabourDetector forcedLabour;

    private Response put(String user, String path, String body) {
        return exchange(user, "PUT", path, MediaType.APPLICATION_JSON, body);
    }

    private static JsonNode detector(JsonNode detectors, String code) {
        for (JsonNode detector : detectors) {
            if (detector.get("code").asString().equals(code)) {
                return detector;
            }
        }
        throw new AssertionError("No detector " + code + " in " + detectors);
    }

    private static double threshold(JsonNode detector, String name) {
        for (JsonNode threshold : detector.get("thresholds")) {
            if (threshold.get("name").asString().equals(name)) {
                return threshold.get("value").asDouble();
            }
        }
        throw new AssertionError("No threshold " + name + " in " + detector);
    }

    @Test
    void targetersAndAdministratorsSeeEveryDetectorWithItsSwitchAndThresholds() {
        Response answer = get(TARGETER, PATH);

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().findValuesAsString("code"))
                .contains("unit-value", "origin-shift", "adcvd-scope", "forced-labour", "misclassification");
        JsonNode unitValue = detector(answer.json(), "unit-value");
        assertThat(unitValue.get("name").asString()).isEqualTo("Unit value far below peers");
        assertThat(unitValue.get("description").asString()).contains("median absolute deviation");
        assertThat(unitValue.get("thresholds").findValuesAsString("name"))
                .containsExactly("minPeers", "robustDeviations", "relatedPartyDeviations", "maxShareOfMedian");
        JsonNode minPeers = unitValue.get("thresholds").get(0);
        assertThat(minPeers.get("defaultValue").asDouble()).isEqualTo(10);
        assertThat(minPeers.get("min").asDouble()).isEqualTo(3);
        assertThat(get(ADMIN, PATH + "/forced-labour").json().get("enabled").asBoolean())
                .isTrue();
    }

    @Test
    void everyoneElseIsRefused() {
        assertThat(get(FILER, PATH).code()).isEqualTo(403);
        assertThat(get(SPECIALIST, PATH).code()).isEqualTo(403);
        assertThat(get(MANAGER, ENTITIES).code()).isEqualTo(403);
        assertThat(put(FILER, PATH + "/unit-value", "{\"enabled\": false}").code())
                .isEqualTo(403);
        assertThat(get(null, PATH).code()).isEqualTo(401);
    }

    @Test
    void aTargeterSwitchesADetectorOffAndTunesItAndTheChangeIsStoredAndAudited() {
        Response changed = put(
                TARGETER,
                PATH + "/misclassification",
                "{\"enabled\": false, \"thresholds\": {\"minDutyDifference\": 2.5}}");

        assertThat(changed.code()).isEqualTo(200);
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(threshold(changed.json(), "minDutyDifference")).isEqualTo(2.5);
        assertThat(threshold(changed.json(), "minEarlierFilings")).isEqualTo(1);
        JsonNode listed = detector(get(TARGETER, PATH).json(), "misclassification");
        assertThat(listed.get("enabled").asBoolean()).isFalse();
        assertThat(threshold(listed, "minDutyDifference")).isEqualTo(2.5);
        JsonNode audit = get(ADMIN, "/api/v1/audit/detector/misclassification").json();
        JsonNode last = audit.get(audit.size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo(TARGETER);
        assertThat(last.get("action").asString()).isEqualTo("DETECTOR_CHANGED");
        assertThat(last.at("/detail/enabled").asBoolean()).isFalse();
        assertThat(last.at("/detail/thresholds/minDutyDifference").asDouble()).isEqualTo(2.5);
        assertThat(last.at("/detail/thresholdsBefore/minDutyDifference").asDouble())
                .isEqualTo(0.5);

        Response restored = put(
                ADMIN,
                PATH + "/misclassification",
                "{\"enabled\": true, \"thresholds\": {\"minDutyDifference\": 0.5}}");
        assertThat(restored.json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aThresholdOutOfBoundsOrUnknownRefusesTheWholeChange() {
        Response outOfBounds =
                put(TARGETER, PATH + "/unit-value", "{\"enabled\": false, \"thresholds\": {\"minPeers\": 1}}");

        assertThat(outOfBounds.code()).isEqualTo(400);
        assertThat(outOfBounds.json().at("/errors/0/message").asString())
                .isEqualTo("Threshold minPeers must lie within [3, 100000], not 1");
        assertThat(put(TARGETER, PATH + "/unit-value", "{\"thresholds\": {\"zScore\": 3}}")
                        .json()
                        .at("/errors/0/message")
                        .asString())
                .contains("has no threshold 'zScore'");
        assertThat(put(TARGETER, PATH + "/unit-value", "{}").code()).isEqualTo(400);
        Response fraction = put(TARGETER, PATH + "/unit-value", "{\"thresholds\": {\"minPeers\": 25.5}}");
        assertThat(fraction.code()).isEqualTo(400);
        assertThat(fraction.json().at("/errors/0/message").asString())
                .isEqualTo("Threshold minPeers counts, so it takes a whole number, not 25.5");
        JsonNode unitValue = get(TARGETER, PATH + "/unit-value").json();
        assertThat(unitValue.get("enabled").asBoolean()).isTrue();
        assertThat(unitValue.get("thresholds").get(0).get("whole").asBoolean()).isTrue();
        assertThat(unitValue.get("thresholds").get(1).get("whole").asBoolean()).isFalse();
    }

    @Test
    void aRefusedThresholdChangeNamesTheThresholdWithAStableCode() {
        Response fraction = put(TARGETER, PATH + "/unit-value", "{\"thresholds\": {\"minPeers\": 2.5}}");
        Response unknown = put(TARGETER, PATH + "/unit-value", "{\"thresholds\": {\"zScore\": 3}}");
        Response missingValue = put(TARGETER, PATH + "/unit-value", "{\"thresholds\": {\"minPeers\": null}}");
        Response nothing = put(TARGETER, PATH + "/unit-value", "{}");

        assertThat(fraction.code()).isEqualTo(400);
        assertThat(fraction.json().at("/errors/0/code").asString()).isEqualTo("THRESHOLD_RANGE");
        assertThat(fraction.json().at("/errors/0/field").asString()).isEqualTo("thresholds.minPeers");
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/code").asString()).isEqualTo("THRESHOLD_UNKNOWN");
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("thresholds.zScore");
        assertThat(missingValue.code()).isEqualTo(400);
        assertThat(missingValue.json().at("/errors/0/code").asString()).isEqualTo("REQUIRED");
        assertThat(missingValue.json().at("/errors/0/field").asString()).isEqualTo("thresholds.minPeers");
        assertThat(nothing.code()).isEqualTo(400);
        assertThat(nothing.json().at("/errors/0/code").asString()).isEqualTo("CHANGE_REQUIRED");
        assertThat(nothing.json().at("/errors/0/message").asString())
                .isEqualTo("A change needs enabled, thresholds or both");
    }

    @Test
    void anEntityListThatIsNotReadableCsvIsRefusedInPlainWordsNamingItsLine() {
        Response answer = post(ADMIN, ENTITIES, MediaType.valueOf("text/csv"), "name,country\n\"Some Co,CN\n");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("CSV_SYNTAX");
        assertThat(answer.json().at("/errors/0/message").asString())
                .isEqualTo("The entity list is not readable CSV: the quote opened on line 2 is never closed, and the"
                        + " file ends inside it");
    }

    @Test
    void anEntityListHeaderWithoutANameColumnOrWithAColumnTheListHasNotIsRefusedWithItsOwnCode() {
        Response noName = post(ADMIN, ENTITIES, MediaType.valueOf("text/csv"), "company,country\nSome Co,CN\n");
        Response unknown =
                post(ADMIN, ENTITIES, MediaType.valueOf("text/csv"), "name,country,city\nSome Co,CN,Urumqi\n");
        Response tooMany = post(ADMIN, ENTITIES, MediaType.valueOf("text/csv"), "name,country\nSome Co,CN,extra\n");

        assertThat(noName.code()).isEqualTo(400);
        assertThat(noName.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_NO_NAME");
        assertThat(noName.json().at("/errors/0/message").asString())
                .startsWith("The entity list's CSV header has no name column")
                .endsWith("found 'company', 'country'");
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_UNKNOWN_COLUMN");
        assertThat(unknown.json().at("/errors/0/message").asString()).contains("'city' is not one of them");
        assertThat(tooMany.code()).isEqualTo(400);
        assertThat(tooMany.json().at("/errors/0/code").asString()).isEqualTo("CSV_COLUMN_COUNT");
    }

    @Test
    void anUnknownDetectorIsNotFound() {
        Response answer = put(TARGETER, PATH + "/crystal-ball", "{\"enabled\": false}");

        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("UNKNOWN_DETECTOR");
        assertThat(get(TARGETER, PATH + "/crystal-ball").code()).isEqualTo(404);
    }

    @Test
    void theBundledSyntheticListIsTheFirstVersion() {
        JsonNode first = get(TARGETER, ENTITIES + "/versions").json().get(0);

        assertThat(first.get("effectiveFrom").asString()).isEqualTo("2022-06-21");
        assertThat(first.get("loadedBy").asString()).isEqualTo("system");
        assertThat(first.get("entities").asInt()).isEqualTo(8);
        JsonNode inForce2023 = get(TARGETER, ENTITIES + "?date=2023-01-02").json();
        assertThat(inForce2023.get("entities").findValuesAsString("name")).contains("Xinjiang Example Cotton Co");
    }

    @Test
    void anAdministratorReplacesTheEntityListFromADateAndEntriesOfThatDateAreMatchedAgainstIt() {
        LocalDate from = nextFreeDate();
        String csv = """
                name,country,sector,note
                Lop Nur Invented Seafood Processing Co,CN,seafood,fictional
                "Aksu Sample Textiles, Ltd",CN,cotton,fictional
                """;

        Response created = post(
                ADMIN,
                ENTITIES + "?effectiveFrom=" + from + "&note=quarterly%20update",
                MediaType.valueOf("text/csv"),
                csv);

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.json().get("entities").asInt()).isEqualTo(2);
        assertThat(created.json().get("effectiveFrom").asString()).isEqualTo(from.toString());
        int version = created.json().get("version").asInt();
        JsonNode inForce = get(TARGETER, ENTITIES + "?date=" + from).json();
        assertThat(inForce.get("version").asInt()).isEqualTo(version);
        assertThat(inForce.get("entities").findValuesAsString("name"))
                .containsExactly("Lop Nur Invented Seafood Processing Co", "Aksu Sample Textiles, Ltd");
        assertThat(get(TARGETER, ENTITIES + "?date=" + from.minusDays(1))
                        .json()
                        .get("version")
                        .asInt())
                .isLessThan(version);
        JsonNode audit =
                get(ADMIN, "/api/v1/audit/forced-labour-list/" + version).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("FORCED_LABOUR_LIST_LOADED");
        assertThat(audit.get(0).get("actor").asString()).isEqualTo(ADMIN);

        assertThat(forcedLabour.examine(entry(from, "Aksu Sampel Textile Ltd"))).hasSize(1);
        assertThat(forcedLabour.examine(entry(from.minusDays(1), "Aksu Sampel Textile Ltd")))
                .isEmpty();
    }

    @Test
    void theListMayAlsoComeAsJson() {
        LocalDate from = nextFreeDate();
        Response created = post(ADMIN, ENTITIES, MediaType.APPLICATION_JSON, """
                {"effectiveFrom": "%s", "note": "json form",
                 "entities": [{"name": "Hotan Placeholder Walnut Co", "country": "CN", "sector": "agriculture"}]}
                """.formatted(from));

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.json().get("note").asString()).isEqualTo("json form");
    }

    @Test
    void aTargeterCannotReplaceTheListWhateverTheBody() {
        for (Response refused : List.of(
                post(TARGETER, ENTITIES, MediaType.valueOf("text/csv"), "name\nSome Co\n"),
                post(TARGETER, ENTITIES, MediaType.APPLICATION_JSON, "{\"entities\": []}"),
                post(TARGETER, ENTITIES, MediaType.APPLICATION_JSON, "{\"entities\": [1, 2]}"),
                post(TARGETER, ENTITIES, MediaType.APPLICATION_JSON, "{not json"))) {
            assertThat(refused.code()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(post(SPECIALIST, "/api/v1/targeting/rules", MediaType.APPLICATION_JSON, "{not json")
                        .code())
                .as("a rule's body is not read for a user who may not write rules")
                .isEqualTo(403);
    }

    @Test
    void aListWithoutNamesIsRefusedAndOneLoadedForALaterDateHoldsBackNoEarlierLoad() {
        Response noHeader = post(ADMIN, ENTITIES, MediaType.valueOf("text/csv"), "company,country\nSome Co,CN\n");
        assertThat(noHeader.code()).isEqualTo(400);
        assertThat(noHeader.json().at("/errors/0/code").asString()).isEqualTo("CSV_HEADER_NO_NAME");
        assertThat(noHeader.json().at("/errors/0/message").asString())
                .contains("has no name column")
                .contains("header name,country,sector,note");

        Response empty = post(ADMIN, ENTITIES, MediaType.valueOf("text/csv"), "name,country\n");
        assertThat(empty.code()).isEqualTo(422);
        assertThat(empty.json().at("/errors/0/code").asString()).isEqualTo("ENTITIES_REQUIRED");

        LocalDate latest = nextFreeDate().plusDays(10);
        assertThat(post(ADMIN, ENTITIES + "?effectiveFrom=" + latest, MediaType.valueOf("text/csv"), "name\nSome Co\n")
                        .code())
                .isEqualTo(201);
        Response early = post(
                ADMIN,
                ENTITIES + "?effectiveFrom=" + latest.minusDays(1),
                MediaType.valueOf("text/csv"),
                "name\nSome Other Co\n");
        assertThat(early.code()).as(early.body()).isEqualTo(201);
        assertThat(get(TARGETER, ENTITIES + "?date=" + latest.minusDays(1))
                        .json()
                        .findValuesAsString("name"))
                .contains("Some Other Co");
        assertThat(get(TARGETER, ENTITIES + "?date=" + latest).json().findValuesAsString("name"))
                .contains("Some Co")
                .doesNotContain("Some Other Co");
    }

    @Test
    void aListDatedBeforeTodayOrWithAnUnknownCountryIsRefusedWithEveryProblemAndNothingIsStored() {
        int versions = get(ADMIN, ENTITIES + "/versions").json().size();
        JsonNode before = get(TARGETER, ENTITIES).json();

        Response refused = post(ADMIN, ENTITIES, MediaType.APPLICATION_JSON, """
                {"effectiveFrom": "2026-06-01",
                 "entities": [{"name": "Foo Bar Co", "country": "XX"},
                              {"name": "Aksu Sample Textiles", "country": "CN"},
                              {"name": "", "country": "CN"}]}
                """);

        assertThat(refused.code()).isEqualTo(422);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("effectiveFrom");
        assertThat(errors.get(0).get("code").asString()).isEqualTo("EFFECTIVE_FROM_PAST");
        assertThat(errors.get(0).get("message").asString())
                .isEqualTo("effectiveFrom: an entity list takes effect from today (2026-06-30) or later, not"
                        + " 2026-06-01");
        assertThat(errors.get(1).get("record").asInt()).isEqualTo(1);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("country");
        assertThat(errors.get(1).get("code").asString()).isEqualTo("COUNTRY_UNKNOWN");
        assertThat(errors.get(1).get("message").asString()).startsWith("Entity 1 (Foo Bar Co): 'XX' is not");
        assertThat(errors.get(2).get("record").asInt()).isEqualTo(3);
        assertThat(errors.get(2).get("field").asString()).isEqualTo("name");
        assertThat(errors.get(2).get("code").asString()).isEqualTo("REQUIRED");
        assertThat(get(ADMIN, ENTITIES + "/versions").json()).hasSize(versions);
        assertThat(get(TARGETER, ENTITIES).json()).isEqualTo(before);

        Response csv = post(
                ADMIN,
                ENTITIES + "?effectiveFrom=" + nextFreeDate(),
                MediaType.valueOf("text/csv"),
                "name,country\nFoo Bar Co,XX\nGood Example Co,CN\n");
        assertThat(csv.code()).isEqualTo(422);
        assertThat(csv.json().at("/errors/0/record").asInt()).isEqualTo(1);
        assertThat(csv.json().at("/errors/0/code").asString()).isEqualTo("COUNTRY_UNKNOWN");
        assertThat(get(ADMIN, ENTITIES + "/versions").json()).hasSize(versions);
    }

    /** A date after every stored version's, so tests that load lists do not refuse one another. */
    private LocalDate nextFreeDate() {
        JsonNode versions = get(ADMIN, ENTITIES + "/versions").json();
        LocalDate latest = LocalDate.parse(
                versions.get(versions.size() - 1).get("effectiveFrom").asString());
        LocalDate today = LocalDate.of(2026, 6, 30);
        return (latest.isBefore(today) ? today : latest).plusDays(1);
    }

    private static EntryUnderReview entry(LocalDate date, String seller) {
        Declaration line = new Declaration(
                "ZZZ00000011",
                1,
                1,
                date,
                "01",
                "IMP",
                "ZZZ",
                "2704",
                "11",
                "AFT",
                "5205120000",
                "CN",
                "CN",
                "CNAKSSAM12AKS",
                "cotton yarn",
                1000,
                100,
                "KG",
                100,
                5,
                false,
                null,
                Map.of("seller", seller));
        return new EntryUnderReview(
                "ZZZ00000011", 1, date, "01", "AFT", "IMP", "ZZZ", false, List.of(line), History.NONE);
    }
}
