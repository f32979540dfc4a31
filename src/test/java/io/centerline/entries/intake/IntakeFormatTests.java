package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeFormatTests {

    @ParameterizedTest
    @CsvSource({
        "jsonl, JSONL",
        "ndjson, JSONL",
        "json, JSONL",
        "JSONL, JSONL",
        "NdJson, JSONL",
        "csv, CSV",
        "CSV, CSV",
        "catair-ae, CATAIR_AE",
        "catair, CATAIR_AE",
        "ae, CATAIR_AE",
        "CATAIR-AE, CATAIR_AE",
        "Ae, CATAIR_AE"
    })
    void parseAcceptsEveryFormatNameCaseInsensitively(String name, IntakeFormat expected) {
        assertThat(IntakeFormat.parse(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "catair_ae", "tsv", "json-lines"})
    @NullAndEmptySource
    void parseRefusesOtherNamesWithAMessageListingTheFormats(String name) {
        assertThatThrownBy(() -> IntakeFormat.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jsonl")
                .hasMessageContaining("csv")
                .hasMessageContaining("catair-ae");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "csv", "catair-ae"})
    void theCommandLineNameOfEachFormatParsesBackToIt(String name) {
        assertThat(IntakeFormat.parse(name).cliName()).isEqualTo(name);
    }
}
