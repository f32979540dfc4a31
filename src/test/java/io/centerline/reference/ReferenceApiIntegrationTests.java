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
    void theInformalEntryLimitIsEffectiveDatedWithItsSource() {
        JsonNode limits = get(SPECIALIST, "/api/v1/reference/value-limits").json();

        assertThat(limits.findParents("code").stream()
                        .filter(l -> l.get("code").asString().equals(ValueLimit.INFORMAL_ENTRY))
                        .map(l -> l.get("effectiveFrom").asString() + " "
                                + l.get("amount").asString())
                        .toList())
                .containsExactly("1998-01-01 2000.00", "2013-01-07 2500.00");
    }

    @Test
    void theEntryTypesSayWhichAreFiledOnAnEntrySummary() {
        JsonNode types = get(FILER, "/api/v1/reference/entry-types").json();

        assertThat(types.findParents("code").stream()
                        .filter(type -> !type.get("entrySummary").asBoolean())
                        .map(type -> type.get("code").asString())
                        .toList())
                .containsExactly("26", "41", "42", "43", "44", "45", "46", "61", "62", "63", "69", "70");
        assertThat(types.findParents("code").stream()
                        .filter(type -> type.get("entrySummary").asBoolean())
                        .map(type -> type.get("code").asString())
                        .toList())
                .contains("01", "03", "06", "11", "21", "31", "34", "51");
    }

    @Test
    void aDateBeforeTheFirstHtsCenterMapIsAnsweredWithTheFirstMapWhichRoutesEntriesOfThatDate() {
        Response answer = get(SPECIALIST, "/api/v1/reference/hts-center-map?date=2015-06-01");

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().get("version").asInt()).isEqualTo(1);
        assertThat(answer.json().get("effectiveFrom").asString()).isEqualTo("2017-01-19");
    }
}
