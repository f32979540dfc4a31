package io.centerline.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtsNumberTests {

    @Test
    void theChapterIsTheFirstTwoDigitsAndTheHeadingTheFirstFour() {
        HtsNumber hts = HtsNumber.parse("8471300100");

        assertThat(hts.chapter()).isEqualTo(84);
        assertThat(hts.heading()).isEqualTo("8471");
        assertThat(HtsNumber.parse("0101210010").chapter()).isEqualTo(1);
        assertThat(HtsNumber.parse("0101210010").heading()).isEqualTo("0101");
    }

    @Test
    void theDotsOfThePrintedScheduleAreIgnored() {
        assertThat(HtsNumber.parse("8471.30.0100")).isEqualTo(new HtsNumber("8471300100"));
        assertThat(HtsNumber.isWellFormed(" 8471.30.0100 ")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"84713001", "84713001000", "8471A00100", "", " "})
    void anHtsNumberHasExactlyTenDigits(String text) {
        assertThat(HtsNumber.isWellFormed(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> HtsNumber.parse(text));
    }

    @Test
    void aMissingNumberIsNotWellFormed() {
        assertThat(HtsNumber.isWellFormed(null)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HtsNumber(null))
                .withMessage("An HTS number has 10 digits (8 in chapters 98 and 99), not 'null'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9903.88.03", "99038803", " 9817.00.40 "})
    void aChapter98Or99ProvisionMayHaveThe8DigitsItIsPublishedWithAndKeepsThemWithoutASuffix(String text) {
        HtsNumber provision = HtsNumber.parse(text);

        assertThat(provision.value()).isEqualTo(text.trim().replace(".", "")).hasSize(8);
        assertThat(provision.isSpecialProvision()).isTrue();
        assertThat(HtsNumber.isWellFormedAdditional(text)).isTrue();
        assertThat(HtsNumber.isWellFormed(text)).as("a classification's form").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"84713001", "8471.30.01", "990388", "9903.88.031", "99O38803"})
    void onlyAChapter98Or99ProvisionMayHave8DigitsAndNoNumberHasAnyOtherCount(String text) {
        assertThat(HtsNumber.isWellFormedAdditional(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> HtsNumber.parse(text));
    }

    @ParameterizedTest(name = "{0}: special {1}, classification {2}")
    @CsvSource({
        "0101210010, false, true",
        "9701100000, false, true",
        "9802000000, true, false",
        "9903880300, true, false",
        "0000000000, false, false",
    })
    void chapters98And99AreSpecialProvisionsAnd01To97Classifications(
            String text, boolean special, boolean classification) {
        HtsNumber hts = HtsNumber.parse(text);

        assertThat(hts.isSpecialProvision()).isEqualTo(special);
        assertThat(hts.isClassification()).isEqualTo(classification);
    }
}
