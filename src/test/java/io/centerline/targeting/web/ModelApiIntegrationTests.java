package io.centerline.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import io.centerline.targeting.model.ReviewedEntries;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ModelApiIntegrationTests extends ApiTest {

    private static final String MODELS = "/api/v1/targeting/models";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void outcomes() {
        if (jdbc.sql("select count(*) from review_outcome").query(Long.class).single() < 300) {
            ReviewedEntries.store(jdbc, 300, LocalDate.of(2026, 6, 30), 12);
        }
    }

    @Test
    void aTargeterTrainsReadsComparesAndActivatesModelVersions() {
        Response first = post(TARGETER, MODELS, MediaType.APPLICATION_JSON, "");
        Response second = post(TARGETER, MODELS, MediaType.APPLICATION_JSON, "");

        assertThat(first.code()).isEqualTo(201);
        int a = first.json().get("version").asInt();
        int b = second.json().get("version").asInt();
        assertThat(b).isGreaterThan(a);
        assertThat(first.json().at("/card/holdOut/evaluation/cuts/2/percent").asDouble())
                .isEqualTo(5.0);

        JsonNode one = get(TARGETER, MODELS + "/" + b).json();
        assertThat(one.get("status").asString()).isEqualTo("TRAINED");
        assertThat(one.at("/card/features").size()).isGreaterThan(10);
        assertThat(get(TARGETER, MODELS).json().findValuesAsString("status")).contains("TRAINED");

        Response activated = post(TARGETER, MODELS + "/" + b + "/activate", MediaType.APPLICATION_JSON, "");
        assertThat(activated.code()).isEqualTo(200);
        assertThat(activated.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(activated.json().get("activatedBy").asString()).isEqualTo(TARGETER);

        JsonNode comparison =
                get(TARGETER, MODELS + "/compare?a=" + a + "&b=" + b).json();
        assertThat(comparison.at("/a/version").asInt()).isEqualTo(a);
        assertThat(comparison.at("/b/status").asString()).isEqualTo("ACTIVE");
        assertThat(comparison.get("metrics").findValuesAsString("name")).contains("precision@5%", "auc");
    }

    @Test
    void anAdministratorMayRollBackToAnEarlierVersion() {
        int a = post(ADMIN, MODELS, MediaType.APPLICATION_JSON, "")
                .json()
                .get("version")
                .asInt();
        int b = post(ADMIN, MODELS, MediaType.APPLICATION_JSON, "")
                .json()
                .get("version")
                .asInt();
        post(ADMIN, MODELS + "/" + b + "/activate", MediaType.APPLICATION_JSON, "");

        Response rollback = post(ADMIN, MODELS + "/" + a + "/activate", MediaType.APPLICATION_JSON, "");

        assertThat(rollback.code()).isEqualTo(200);
        assertThat(get(ADMIN, MODELS + "/" + a).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(get(ADMIN, MODELS + "/" + b).json().get("status").asString()).isEqualTo("RETIRED");
        assertThat(get(ADMIN, MODELS).json().findValuesAsString("status"))
                .filteredOn("ACTIVE"::equals)
                .hasSize(1);
    }

    @Test
    void anUnknownVersionIsNotFound() {
        Response unknown = get(TARGETER, MODELS + "/999999");
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.json().at("/errors/0/code").asString()).isEqualTo("MODEL_NOT_FOUND");
        assertThat(post(TARGETER, MODELS + "/999999/activate", MediaType.APPLICATION_JSON, "")
                        .code())
                .isEqualTo(404);
        assertThat(get(TARGETER, MODELS + "/compare?a=999998&b=999999").code()).isEqualTo(404);
        Response half = get(TARGETER, MODELS + "/compare?a=1");
        assertThat(half.code()).isEqualTo(400);
        assertThat(half.json().at("/errors/0/code").asString()).isEqualTo("PARAMETER_REQUIRED");
    }

    @Test
    void onlyTargetersAndAdministratorsReachModels() {
        assertThat(get(FILER, MODELS).code()).isEqualTo(403);
        assertThat(get(FILER, MODELS + "/1").code()).isEqualTo(403);
        assertThat(post(FILER, MODELS, MediaType.APPLICATION_JSON, "").code()).isEqualTo(403);
        assertThat(post(FILER, MODELS + "/1/activate", MediaType.APPLICATION_JSON, "")
                        .code())
                .isEqualTo(403);
        assertThat(get(FILER, MODELS + "/compare?a=1&b=2").code()).isEqualTo(403);
        assertThat(get(SPECIALIST, MODELS).code()).isEqualTo(403);
        assertThat(post(MANAGER, MODELS, MediaType.APPLICATION_JSON, "").code()).isEqualTo(403);
        assertThat(get(null, MODELS).code()).isEqualTo(401);
    }
}
