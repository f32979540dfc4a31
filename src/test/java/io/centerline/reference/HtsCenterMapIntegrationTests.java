package io.centerline.reference;

import static io.centerline.support.Summaries.entryNumber;
import static io.centerline.support.Summaries.importer;
import static io.centerline.support.Summaries.line;
import static io.centerline.support.Summaries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class HtsCenterMapIntegrationTests extends ApiTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 6, 30);
    private static final String MAP = "/api/v1/reference/hts-center-map";

    @Autowired
    ReferenceData reference;

    /** The ranges of a map as a replacement's JSON, heading 8469 (office machines) given to Machinery. */
    private static String officeMachinesToMachinery(HtsCenterMap map) {
        return map.ranges().stream()
                .map(r -> "{\"headingFrom\": \"%s\", \"headingTo\": \"%s\", \"center\": \"%s\"}"
                        .formatted(
                                r.headingFrom(),
                                r.headingTo(),
                                r.headingFrom().equals("8469")
                                        ? "MACH"
                                        : r.center().value()))
                .collect(Collectors.joining(","));
    }

    @Test
    void theTenCentersAndTheStartingMapAreLoaded() {
        JsonNode centers = get(FILER, "/api/v1/reference/centers").json();

        assertThat(centers).hasSize(10);
        assertThat(centers.findValuesAsString("code")).contains("ELEC", "AFT", "AA", "MACH", "PNGM");
        JsonNode map =
                get(FILER, "/api/v1/reference/hts-center-map?date=2026-01-01").json();
        assertThat(map.get("ranges")).hasSizeGreaterThan(20);
        assertThat(get(FILER, "/api/v1/reference/ports").json()).hasSizeGreaterThanOrEqualTo(60);
    }

    /** The first date a replacement may take effect: after the latest version and after the business date. */
    private LocalDate firstFreeDate() {
        LocalDate latest =
                reference.mapInForce(LocalDate.of(9999, 12, 31)).orElseThrow().effectiveFrom();
        return latest.isBefore(BUSINESS_DATE) ? BUSINESS_DATE.plusDays(1) : latest.plusDays(1);
    }

    @Test
    void aReplacementMapRoutesEntriesFromItsDateWhileEntriesFiledBeforeKeepTheirRouting() {
        LocalDate effectiveFrom = firstFreeDate();
        String ranges = officeMachinesToMachinery(
                reference.mapInForce(effectiveFrom.minusDays(1)).orElseThrow());
        String body = "{\"effectiveFrom\": \"%s\", \"note\": \"office machines to Machinery\", \"ranges\": [%s]}"
                .formatted(effectiveFrom, ranges);
        String filed = entryNumber("MAP");
        post(
                FILER,
                "/api/v1/entry-summaries",
                MediaType.APPLICATION_JSON,
                summary(
                        filed,
                        "01",
                        importer(),
                        BUSINESS_DATE.toString(),
                        BUSINESS_DATE.toString(),
                        false,
                        line(1, "8471300100", "100.00", null)));

        assertThat(post(FILER, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, body)
                        .code())
                .isEqualTo(403);
        String withAGap =
                body.replace(",{\"headingFrom\": \"9101\", \"headingTo\": \"9799\", \"center\": \"CPMM\"}", "");
        assertThat(withAGap).isNotEqualTo(body);
        Response gap = post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, withAGap);
        assertThat(gap.code()).isEqualTo(400);
        assertThat(gap.json().at("/errors/0/code").asString()).isEqualTo("HTS_CENTER_MAP_LEAVES_HEADINGS");
        assertThat(gap.json().at("/errors/0/message").asString())
                .startsWith("The map leaves headings 9101-9799 with no Center, which the map it replaces assigns;");
        Response backdated = post(
                ADMIN,
                "/api/v1/reference/hts-center-map",
                MediaType.APPLICATION_JSON,
                body.replace(effectiveFrom.toString(), BUSINESS_DATE.toString()));
        assertThat(backdated.code()).isEqualTo(400);
        assertThat(backdated.json().at("/errors/0/code").asString()).isEqualTo("HTS_CENTER_MAP_NOT_AFTER_TODAY");
        assertThat(backdated.json().at("/errors/0/message").asString())
                .startsWith("A replacement map takes effect after the business date 2026-06-30, on 2026-07-01 at the"
                        + " earliest");
        Response loaded = post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, body);
        assertThat(loaded.code()).as(loaded.body()).isEqualTo(201);
        assertThat(post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, body)
                        .code())
                .isEqualTo(400);
        Response unreadable =
                post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, "{\"effectiveFrom\": ");
        assertThat(unreadable.code()).isEqualTo(400);
        assertThat(unreadable.json().at("/errors/0/code").asString()).isEqualTo("UNREADABLE_BODY");

        HtsNumber computer = HtsNumber.parse("8471300100");
        assertThat(reference.centerFor(computer, effectiveFrom)).contains(CenterCode.of("MACH"));
        assertThat(reference.centerFor(computer, effectiveFrom.minusDays(1))).contains(CenterCode.of("ELEC"));
        assertThat(get(FILER, "/api/v1/reference/hts-center-map?date=" + effectiveFrom)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(loaded.json().get("version").asInt());
        assertThat(get(FILER, "/api/v1/entry-summaries/" + filed.replace("-", ""))
                        .json()
                        .at("/lines/0/center")
                        .asString())
                .isEqualTo("ELEC");
        assertThat(get(FILER, "/api/v1/reference/hts-center-map/versions")
                        .json()
                        .size())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void replacementsLoadedAtOnceEachTakeEffectAfterTheLatestAndNoneIsReadWithoutItsRanges() throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                LocalDate base = firstFreeDate().minusDays(1);
                LocalDate latest = reference
                        .mapInForce(LocalDate.of(9999, 12, 31))
                        .orElseThrow()
                        .effectiveFrom();
                String ranges = reference.mapInForce(latest).orElseThrow().ranges().stream()
                        .map(r -> "{\"headingFrom\": \"%s\", \"headingTo\": \"%s\", \"center\": \"%s\"}"
                                .formatted(
                                        r.headingFrom(),
                                        r.headingTo(),
                                        r.center().value()))
                        .collect(Collectors.joining(","));
                List<Future<Response>> answers = new ArrayList<>();
                // the later date first: loaded second, the earlier one would take effect before it
                for (LocalDate effectiveFrom : List.of(base.plusDays(2), base.plusDays(1))) {
                    answers.add(admins.submit(() -> post(
                            ADMIN,
                            "/api/v1/reference/hts-center-map",
                            MediaType.APPLICATION_JSON,
                            "{\"effectiveFrom\": \"%s\", \"ranges\": [%s]}".formatted(effectiveFrom, ranges))));
                }
                for (Future<Response> answer : answers) {
                    assertThat(answer.get(30, TimeUnit.SECONDS).code()).isIn(201, 400);
                }
            }
        } finally {
            admins.shutdownNow();
        }

        List<JsonNode> versions = new ArrayList<>();
        for (JsonNode version :
                get(ADMIN, "/api/v1/reference/hts-center-map/versions").json()) {
            if (version.get("withdrawal").isNull()) {
                versions.add(version);
            }
        }
        for (int i = 1; i < versions.size(); i++) {
            assertThat(LocalDate.parse(versions.get(i).get("effectiveFrom").asString()))
                    .as("version %s takes effect after version %s", i + 1, i)
                    .isAfter(LocalDate.parse(
                            versions.get(i - 1).get("effectiveFrom").asString()));
        }
        assertThat(versions)
                .allSatisfy(version -> assertThat(version.get("ranges").size()).isGreaterThan(20));
    }

    @Test
    void aMapWithAnEmptyRangeOrAnOverlongNoteIsRefusedSayingWhich() {
        Response empty = post(
                ADMIN,
                "/api/v1/reference/hts-center-map",
                MediaType.APPLICATION_JSON,
                "{\"effectiveFrom\": \"2026-12-20\", \"ranges\": [null]}");
        Response noted = post(
                ADMIN,
                "/api/v1/reference/hts-center-map",
                MediaType.APPLICATION_JSON,
                "{\"effectiveFrom\": \"2026-12-20\", \"note\": \"" + "n".repeat(2_001) + "\", \"ranges\": []}");

        assertThat(empty.code()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/code").asString()).isEqualTo("HTS_CENTER_MAP_RANGES");
        assertThat(empty.json().at("/errors/0/message").asString()).startsWith("Range 1 is empty");
        assertThat(noted.code()).isEqualTo(400);
        assertThat(noted.json().at("/errors/0/code").asString()).isEqualTo("TOO_LONG");
    }

    @Test
    void aCenterCodeInAnyCaseIsReadAsItsCenterAndAnUnknownOneIsRefusedNamingItsRange() {
        LocalDate effectiveFrom = firstFreeDate();
        HtsCenterMap before = reference.mapInForce(effectiveFrom.minusDays(1)).orElseThrow();
        String body = "{\"effectiveFrom\": \"%s\", \"ranges\": [%s]}"
                .formatted(effectiveFrom, officeMachinesToMachinery(before));
        String anyCase = body.replace("\"MACH\"", "\"mach\"").replace("\"AG\"", "\" Ag \"");
        assertThat(anyCase).contains("\"mach\"", "\" Ag \"");

        Response unknown = post(ADMIN, MAP, MediaType.APPLICATION_JSON, body.replace("\"AG\"", "\"xx\""));
        Response malformed = post(ADMIN, MAP, MediaType.APPLICATION_JSON, body.replace("\"AG\"", "\"A-1\""));
        Response missing = post(ADMIN, MAP, MediaType.APPLICATION_JSON, body.replace("\"AG\"", "\" \""));
        Response loaded = post(ADMIN, MAP, MediaType.APPLICATION_JSON, anyCase);

        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/code").asString()).isEqualTo("CENTER_UNKNOWN");
        int agriculture = before.ranges()
                .indexOf(before.ranges().stream()
                        .filter(range -> range.center().value().equals("AG"))
                        .findFirst()
                        .orElseThrow());
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("ranges[" + agriculture + "].center");
        assertThat(unknown.json().at("/errors/0/message").asString())
                .isEqualTo("Range " + (agriculture + 1) + " (headings 0101-2499): no Center has the code 'xx'");
        assertThat(malformed.json().at("/errors/0/code").asString()).isEqualTo("CENTER_UNKNOWN");
        assertThat(missing.json().at("/errors/0/code").asString()).isEqualTo("REQUIRED");
        assertThat(loaded.code()).as(loaded.body()).isEqualTo(201);
        assertThat(reference.centerFor(HtsNumber.parse("8469000000"), effectiveFrom))
                .contains(CenterCode.of("MACH"));
        assertThat(reference.centerFor(HtsNumber.parse("0101210010"), effectiveFrom))
                .contains(CenterCode.of("AG"));
        // withdrawn again, so that the map in force stays the one the other tests expect
        assertThat(post(
                                ADMIN,
                                MAP + "/versions/"
                                        + loaded.json().get("version").asInt() + "/withdraw",
                                MediaType.APPLICATION_JSON,
                                "{\"reason\": \"only loaded to show codes in any case are read\"}")
                        .code())
                .isEqualTo(200);
    }

    @Test
    void aMapGivingAHeadingOfChapter98Or99ToACenterIsRefused() {
        String body = "{\"effectiveFrom\": \"2026-12-01\", \"ranges\": [{\"headingFrom\": \"0101\", \"headingTo\":"
                + " \"9899\", \"center\": \"CPMM\"}]}";

        Response refused = post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, body);

        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("HTS_CENTER_MAP_RANGES");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("chapters 01 to 97");
    }

    @Test
    void aReplacementWithdrawnBeforeItsDateRoutesNothingAndStaysOnFileWhileAMapInForceCannotBeWithdrawn() {
        LocalDate effectiveFrom = firstFreeDate();
        HtsCenterMap before = reference.mapInForce(effectiveFrom.minusDays(1)).orElseThrow();
        String ranges = officeMachinesToMachinery(before);
        Response loaded = post(
                ADMIN,
                "/api/v1/reference/hts-center-map",
                MediaType.APPLICATION_JSON,
                "{\"effectiveFrom\": \"%s\", \"ranges\": [%s]}".formatted(effectiveFrom, ranges));
        assertThat(loaded.code()).as(loaded.body()).isEqualTo(201);
        int version = loaded.json().get("version").asInt();
        String withdraw = "/api/v1/reference/hts-center-map/versions/" + version + "/withdraw";

        Response byFiler = post(FILER, withdraw, MediaType.APPLICATION_JSON, "{\"reason\": \"loaded twice\"}");
        Response withoutReason = post(ADMIN, withdraw, MediaType.APPLICATION_JSON, "{}");
        Response withdrawn =
                post(ADMIN, withdraw, MediaType.APPLICATION_JSON, "{\"reason\": \"Office machines stay with ELEC\"}");
        Response again = post(ADMIN, withdraw, MediaType.APPLICATION_JSON, "{\"reason\": \"withdraw it once more\"}");
        Response inForce = post(
                ADMIN,
                "/api/v1/reference/hts-center-map/versions/"
                        + reference.mapInForce(BUSINESS_DATE).orElseThrow().version()
                        + "/withdraw",
                MediaType.APPLICATION_JSON,
                "{\"reason\": \"it is wrong\"}");
        Response missing = post(
                ADMIN,
                "/api/v1/reference/hts-center-map/versions/99999/withdraw",
                MediaType.APPLICATION_JSON,
                "{\"reason\": \"it is wrong\"}");

        assertThat(byFiler.code()).isEqualTo(403);
        assertThat(withoutReason.code()).isEqualTo(400);
        assertThat(withoutReason.json().at("/errors/0/code").asString()).isEqualTo("REASON_REQUIRED");
        assertThat(withdrawn.code()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().at("/withdrawal/reason").asString()).isEqualTo("Office machines stay with ELEC");
        assertThat(withdrawn.json().at("/withdrawal/by").asString()).isEqualTo(ADMIN);
        assertThat(reference.mapInForce(effectiveFrom).orElseThrow().version()).isEqualTo(before.version());
        assertThat(reference.centerFor(HtsNumber.parse("8469000000"), effectiveFrom))
                .isEqualTo(before.centerFor("8469"));
        JsonNode asTheTradeReadsIt =
                get(FILER, "/api/v1/reference/hts-center-map/versions").json();
        assertThat(asTheTradeReadsIt.findValues("loadedBy"))
                .allSatisfy(by -> assertThat(by.isNull()).isTrue());
        assertThat(asTheTradeReadsIt.findValues("withdrawal").stream()
                        .filter(w -> !w.isNull())
                        .map(w -> w.get("by")))
                .isNotEmpty()
                .allSatisfy(by -> assertThat(by.isNull()).isTrue());
        assertThat(get(ADMIN, "/api/v1/reference/hts-center-map/versions").json().findValues("version").stream()
                        .map(JsonNode::asInt)
                        .toList())
                .contains(version);
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("HTS_CENTER_MAP_WITHDRAWN");
        assertThat(inForce.code()).isEqualTo(409);
        assertThat(inForce.json().at("/errors/0/code").asString()).isEqualTo("HTS_CENTER_MAP_IN_FORCE");
        assertThat(missing.code()).isEqualTo(404);
        Response reloaded = post(
                ADMIN,
                "/api/v1/reference/hts-center-map",
                MediaType.APPLICATION_JSON,
                "{\"effectiveFrom\": \"%s\", \"ranges\": [%s]}".formatted(effectiveFrom, ranges));
        assertThat(reloaded.code())
                .as("a withdrawn version's date is free again")
                .isEqualTo(201);
        assertThat(post(
                                ADMIN,
                                "/api/v1/reference/hts-center-map/versions/"
                                        + reloaded.json().get("version").asInt() + "/withdraw",
                                MediaType.APPLICATION_JSON,
                                "{\"reason\": \"only loaded to show the date is free\"}")
                        .code())
                .isEqualTo(200);
        assertThat(reference
                        .mapInForce(LocalDate.of(9999, 12, 31))
                        .orElseThrow()
                        .version())
                .isEqualTo(before.version());
    }
}
