package io.centerline.entries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNumberTests {

    @ParameterizedTest(name = "{0}+{1} -> {2}")
    @CsvSource({
        "ABC, 1234567, 6",
        "999, 9999999, 0",
        "000, 0000000, 0",
        "XYZ, 0012345, 2",
        "112, 3456789, 6",
    })
    void theCheckDigitMatchesThePublishedTestVectors(String filer, String serial, int expected) {
        assertThat(EntryNumber.checkDigit(filer + serial)).isEqualTo(expected);
        assertThat(EntryNumber.of(filer, serial).value()).isEqualTo(filer + serial + expected);
    }

    @Test
    void lettersNineApartInTheAlphabetCountAsTheSameDigit() {
        // A-I and J-R both map to 1-9, so ABC and JKL weigh the same; S-Z start at 2, so S weighs as B.
        assertThat(EntryNumber.checkDigit("JKL1234567")).isEqualTo(EntryNumber.checkDigit("ABC1234567"));
        assertThat(EntryNumber.checkDigit("SBC1234567")).isEqualTo(EntryNumber.checkDigit("BBC1234567"));
        assertThat(EntryNumber.checkDigit("123" + "1234567")).isEqualTo(6);
    }

    @Test
    void anEntryNumberIsAcceptedWithOrWithoutDashesAndHeldWithout() {
        EntryNumber dashed = EntryNumber.parse("ABC-1234567-6");
        EntryNumber plain = EntryNumber.parse("ABC12345676");

        assertThat(dashed).isEqualTo(plain);
        assertThat(dashed.value()).isEqualTo("ABC12345676");
        assertThat(dashed.toString()).isEqualTo("ABC12345676");
        assertThat(EntryNumber.check("ABC-1234567-6")).isEmpty();
        assertThat(EntryNumber.check("ABC12345676")).isEmpty();
    }

    @Test
    void lowerCaseAndSurroundingBlanksAreNormalised() {
        assertThat(EntryNumber.parse("  abc-1234567-6 ").value()).isEqualTo("ABC12345676");
    }

    @Test
    void theFormattedFormHasDashesAroundTheSerial() {
        EntryNumber number = EntryNumber.parse("ABC12345676");

        assertThat(number.formatted()).isEqualTo("ABC-1234567-6");
        assertThat(number.filerCode()).isEqualTo("ABC");
        assertThat(number.serial()).isEqualTo("1234567");
    }

    @Test
    void leadingZerosOfTheSerialAreKept() {
        EntryNumber number = EntryNumber.of("XYZ", "0012345");

        assertThat(number.serial()).isEqualTo("0012345");
        assertThat(number.formatted()).isEqualTo("XYZ-0012345-2");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingEntryNumberIsReportedAsRequired(String text) {
        assertThat(EntryNumber.check(text))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("ENTRY_NUMBER_REQUIRED"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ABC123456",
                "ABC1234567",
                "ABC123456766",
                "AB-1234567-6",
                "ABC-12345A7-6",
                "AB$12345676",
                "-",
                "--"
            })
    void anEntryNumberOfTheWrongShapeIsRefusedAsFormat(String text) {
        assertThat(EntryNumber.check(text))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("ENTRY_NUMBER_FORMAT"));
        assertThat(EntryNumber.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC--12345676", "ABC1-234567-6", "ABC-12345676", "ABC1234567-6", "ABC-1234567--6"})
    void dashesAreAllowedOnlyWhereTheWrittenFormPutsThem(String text) {
        assertThat(EntryNumber.check(text))
                .hasValueSatisfying(p -> assertThat(p.message())
                        .isEqualTo("The entry number '" + text + "' must be a 3-character filer code, a 7-digit serial"
                                + " and a check digit, written ABC-1234567-6 or ABC12345676."));
    }

    @Test
    void theFormatProblemQuotesTheNumberAsGivenInCapitals() {
        assertThat(EntryNumber.check(" abc-123 "))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("The entry number 'ABC-123' must be"));
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheExpectedDigit() {
        assertThat(EntryNumber.check("ABC-1234567-5")).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo("ENTRY_NUMBER_CHECK_DIGIT");
            assertThat(p.message()).isEqualTo("The check digit of entry number ABC-1234567-5 should be 6.");
        });
    }

    @Test
    void parsingAnInvalidNumberThrowsWithTheProblemMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntryNumber.parse("ABC-1234567-5"))
                .withMessage("The check digit of entry number ABC-1234567-5 should be 6.");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EntryNumber(null))
                .withMessage("The entry number is missing.");
    }

    @Test
    void tryParseAnswersTheNumberWhenValid() {
        assertThat(EntryNumber.tryParse("XYZ-0012345-2")).contains(new EntryNumber("XYZ00123452"));
        assertThat(EntryNumber.tryParse("XYZ-0012345-3")).isEmpty();
    }
}
