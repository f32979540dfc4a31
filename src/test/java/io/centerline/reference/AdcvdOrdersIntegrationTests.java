package io.centerline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.support.ApiTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AdcvdOrdersIntegrationTests extends ApiTest {

    @Autowired
    ReferenceData reference;

    @Test
    void theOrdersOfTheReferenceFileAreLoadedWithTheirScopeAndDates() {
        JsonNode orders = get(TARGETER, "/api/v1/reference/adcvd-orders").json();

        assertThat(orders.findValuesAsString("caseNumber"))
                .contains("A570967000", "C570968000", "A570979000", "A570890000")
                .hasSize(12);
        JsonNode solar = orders.findParents("caseNumber").stream()
                .filter(o -> o.get("caseNumber").asString().equals("A570979000"))
                .findFirst()
                .orElseThrow();
        assertThat(solar.get("htsPrefixes").get(0).asString()).isEqualTo("854142");
        assertThat(solar.get("htsPrefixes").get(1).asString()).isEqualTo("854143");
        assertThat(solar.get("effectiveFrom").asString()).isEqualTo("2012-12-07");
        assertThat(solar.get("kind").asString()).isEqualTo("AD");
        assertThat(solar.get("depositRate").asString()).isEqualTo("238.95");
    }

    @Test
    void anOrderCoversGoodsOfItsCountryAndPrefixFromItsDate() {
        assertThat(reference.adcvdOrdersCovering("7604291010", "CN", LocalDate.of(2026, 3, 2)))
                .extracting(AdcvdOrder::caseNumber)
                .containsExactly("A570967000", "C570968000");
        assertThat(reference.adcvdOrdersCovering("7604291010", "VN", LocalDate.of(2026, 3, 2)))
                .isEmpty();
        assertThat(reference.adcvdOrdersCovering("7604291010", "CN", LocalDate.of(2011, 5, 25)))
                .isEmpty();
    }
}
