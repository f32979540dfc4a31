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

    @Autowired
    ReferenceData reference;

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

    @Test
    void aReplacementMapRoutesEntriesFromItsDateWhileEarlierEntriesKeepTheirRouting() {
        String latest = reference
                .mapHistory()
                .get(reference.mapHistory().size() - 1)
                .effectiveFrom()
                .toString();
        String effectiveFrom = java.time.LocalDate.parse(latest).isBefore(java.time.LocalDate.of(2026, 5, 1))
                ? "2026-05-01"
                : java.time.LocalDate.parse(latest).plusDays(1).toString();
        String ranges = reference.mapInForce(java.time.LocalDate.parse(latest)).orElseThrow().ranges().stream()
                .map(r -> "{\"headingFrom\": \"%s\", \"headingTo\": \"%s\", \"center\": \"%s\"}"
                        .formatted(
                                r.headingFrom(),
                                r.headingTo(),
                                r.headingFrom().equals("8469")
                                        ? "MACH"
                                        : r.center().value()))
                .collect(Collectors.joining(","));
        String body = "{\"effectiveFrom\": \"%s\", \"note\": \"office machines to Machinery\", \"ranges\": [%s]}"
                .formatted(effectiveFrom, ranges);

        assertThat(post(FILER, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, body)
                        .code())
                .isEqualTo(403);
        String withAGap =
                body.replace(",{\"headingFrom\": \"9101\", \"headingTo\": \"9799\", \"center\": \"CPMM\"}", "");
        assertThat(withAGap).isNotEqualTo(body);
        Response gap = post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, withAGap);
        assertThat(gap.code()).isEqualTo(400);
        assertThat(gap.json().at("/errors/0/message").asString())
                .startsWith("The map leaves headings 9101-9799 with no Center, which the map it replaces assigns;");
        Response loaded = post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, body);
        assertThat(loaded.code()).as(loaded.body()).isEqualTo(201);
        assertThat(post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, body)
                        .code())
                .isEqualTo(400);
        Response unreadable =
                post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, "{\"effectiveFrom\": ");
        assertThat(unreadable.code()).isEqualTo(400);
        assertThat(unreadable.json().at("/errors/0/code").asString()).isEqualTo("UNREADABLE_BODY");

        String before = entryNumber("MAP");
        String after = entryNumber("MAP");
        post(
                FILER,
                "/api/v1/entry-summaries",
                MediaType.APPLICATION_JSON,
                summary(
                        before,
                        "01",
                        importer(),
                        "2026-04-01",
                        "2026-04-01",
                        false,
                        line(1, "8471300100", "100.00", null)));
        post(
                FILER,
                "/api/v1/entry-summaries",
                MediaType.APPLICATION_JSON,
                summary(
                        after,
                        "01",
                        importer(),
                        effectiveFrom,
                        effectiveFrom,
                        false,
                        line(1, "8471300100", "100.00", null)));

        assertThat(get(FILER, "/api/v1/entry-summaries/" + before.replace("-", ""))
                        .json()
                        .at("/lines/0/center")
                        .asString())
                .isEqualTo("ELEC");
        assertThat(get(FILER, "/api/v1/entry-summaries/" + after.replace("-", ""))
                        .json()
                        .at("/lines/0/center")
                        .asString())
                .isEqualTo("MACH");
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
                LocalDate latest = reference.mapHistory().stream()
                        .map(HtsCenterMap::effectiveFrom)
                        .max(LocalDate::compareTo)
                        .orElseThrow();
                LocalDate base = latest.isBefore(LocalDate.of(2026, 5, 1)) ? LocalDate.of(2026, 5, 1) : latest;
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

        JsonNode versions =
                get(ADMIN, "/api/v1/reference/hts-center-map/versions").json();
        for (int i = 1; i < versions.size(); i++) {
            assertThat(LocalDate.parse(versions.get(i).get("effectiveFrom").asString()))
                    .as("version %s takes effect after version %s", i + 1, i)
                    .isAfter(LocalDate.parse(
                            versions.get(i - 1).get("effectiveFrom").asString()));
        }
        assertThat(versions.findValues("ranges"))
                .allSatisfy(ranges -> assertThat(ranges.size()).isGreaterThan(20));
    }

    @Test
    void aMapGivingAHeadingOfChapter98Or99ToACenterIsRefused() {
        String body = "{\"effectiveFrom\": \"2026-12-01\", \"ranges\": [{\"headingFrom\": \"0101\", \"headingTo\":"
                + " \"9899\", \"center\": \"CPMM\"}]}";

        Response refused = post(ADMIN, "/api/v1/reference/hts-center-map", MediaType.APPLICATION_JSON, body);

        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/message").asString()).contains("chapters 01 to 97");
    }
}
