package io.centerline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceApiIntegrationTests extends ApiTest {

    @Test
    void feeSchedulesGiveTheirMinimumAndMaximumAsDecimalStringsAsAllMoneyInTheApiIs() {
        JsonNode schedules = get(SPECIALIST, "/api/v1/reference/fee-schedules").json();

        JsonNode fy2024 = schedules.findParents("fiscalYear").stream()
                .filter(s -> s.get("fee").asString().equals("MPF")
                        && s.get("fiscalYear").asInt() == 2024)
                .findFirst()
                .orElseThrow();
        assertThat(fy2024.get("minimum").isString()).isTrue();
        assertThat(fy2024.get("minimum").asString()).isEqualTo("31.67");
        assertThat(fy2024.get("maximum").asString()).isEqualTo("614.35");
    }

    @Test
    void aDateBeforeAnyHtsCenterMapIsAnsweredNotFoundInTheErrorShape() {
        Response answer = get(SPECIALIST, "/api/v1/reference/hts-center-map?date=2000-01-01");

        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("HTS_CENTER_MAP_NOT_FOUND");
        assertThat(answer.json().at("/errors/0/message").asString())
                .isEqualTo("No HTS-to-Center map is in force on 2000-01-01");
    }
}
