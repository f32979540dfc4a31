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
    void everyAdcvdTypeIsFiledOnAnEntrySummary() {
        assertThat(EntryTypeFile.entryTypes().stream().filter(EntryType::adcvd).map(EntryType::code))
                .containsExactly("03", "07", "34", "38")
                .allSatisfy(
                        code -> assertThat(EntryTypeFile.entrySummaryTypes()).contains(code));
    }
}
