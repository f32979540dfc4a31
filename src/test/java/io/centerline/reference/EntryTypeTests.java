package io.centerline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryTypeTests {

    @Test
    void foreignTradeZoneAdmissionDrawbackAndInBondTransportationAreTheTypesNotFiledOnAnEntrySummary() {
        assertThat(EntryTypeFile.entryTypes().stream()
                        .filter(type -> !type.entrySummary())
                        .map(EntryType::code))
                .containsExactly("26", "41", "42", "43", "44", "45", "46", "61", "62", "63", "69", "70");
    }

    @Test
    void foreignTradeZoneConsumptionIsTheTypeWhoseLinesMayCarryACaseWithoutEveryLineNeedingOne() {
        assertThat(EntryTypeFile.entryTypes().stream()
                        .filter(EntryType::adcvdOptional)
                        .map(EntryType::code))
                .containsExactly("06");
        assertThat(EntryTypeFile.entryTypes().stream()
                        .filter(EntryType::admitsAdcvdCase)
                        .map(EntryType::code))
                .containsExactly("03", "06", "07", "34", "38");
    }

    @Test
    void anAdcvdTypeIsAlwaysSuspendedAForeignTradeZoneEntryWhenItDeclaresACaseAndAnyOtherNever() {
        EntryType adcvd = type("03");
        EntryType zone = type("06");
        EntryType consumption = type("01");

        assertThat(adcvd.liquidationSuspended(true)).isTrue();
        assertThat(adcvd.liquidationSuspended(false)).isTrue();
        assertThat(zone.liquidationSuspended(true)).isTrue();
        assertThat(zone.liquidationSuspended(false)).isFalse();
        assertThat(consumption.liquidationSuspended(true)).isFalse();
        assertThat(consumption.liquidationSuspended(false)).isFalse();
    }

    @Test
    void everyAdcvdTypeIsFiledOnAnEntrySummary() {
        assertThat(EntryTypeFile.entryTypes().stream().filter(EntryType::adcvd).map(EntryType::code))
                .containsExactly("03", "07", "34", "38")
                .allSatisfy(
                        code -> assertThat(EntryTypeFile.entrySummaryTypes()).contains(code));
    }

    private static EntryType type(String code) {
        return EntryTypeFile.entryTypes().stream()
                .filter(type -> type.code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
