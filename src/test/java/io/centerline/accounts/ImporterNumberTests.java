package io.centerline.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.centerline.accounts.ImporterNumber.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImporterNumberTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "12-3456789AB, EIN",
        "12-345678900, EIN",
        "12-3456789Y9, EIN",
        "123-45-6789, SSN",
        "262704-00001, CBP_ASSIGNED",
    })
    void eachOfTheThreeFormsIsRecognised(String text, Kind kind) {
        ImporterNumber number = ImporterNumber.parse(text);

        assertThat(number.kind()).isEqualTo(kind);
        assertThat(number.value()).isEqualTo(text);
        assertThat(number.toString()).isEqualTo(text);
    }

    @Test
    void aLowerCaseSuffixIsHeldInCapitals() {
        assertThat(ImporterNumber.tryParse(" 12-3456789ab ")).contains(new ImporterNumber("12-3456789AB", Kind.EIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-3456789OA", "12-3456789AI", "12-3456789ZZ", "12-3456789io"})
    void anEmployerNumberSuffixWithOIOrZIsRefused(String text) {
        assertThat(ImporterNumber.tryParse(text)).isEmpty();
        assertThat(ImporterNumber.problemWith(text))
                .isEqualTo("The suffix of importer number '" + text + "' may not use the letters O, I or Z.");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "123456789AB|needs its dash: NN-NNNNNNNXX for an employer number and suffix.",
                "24270412345|needs its dashes: NN-NNNNNNNXX for an employer number and suffix, YYDDPP-NNNNN for a"
                        + " CBP-assigned number.",
                "123456789|needs its dashes: NNN-NN-NNNN for a Social Security number, or NN-NNNNNNN with a"
                        + " 2-character suffix for an employer number."
            })
    void aNumberWithoutItsDashesIsToldWhereTheyGoInEachFormItCouldBe(String text, String problem) {
        assertThat(ImporterNumber.tryParse(text)).isEmpty();
        assertThat(ImporterNumber.problemWith(text)).isEqualTo("Importer number '" + text + "' " + problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "999-99-9999", "123-00-4567", "123-45-0000"})
    void aSocialSecurityNumberOfARangeNeverIssuedIsRefused(String text) {
        assertThat(ImporterNumber.tryParse(text)).isEmpty();
        assertThat(ImporterNumber.problemWith(text))
                .isEqualTo("Importer number '" + text + "' has the shape of a Social Security number, but no SSN is"
                        + " issued with area 000, 666 or 900 to 999, group 00 or serial 0000.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-3456789", "12-3456789ABC", "1234-56-789", "26270400001X", "262704-0001", "ABCDEF"})
    void anyOtherShapeIsRefusedListingTheThreeForms(String text) {
        assertThat(ImporterNumber.tryParse(text)).isEmpty();
        assertThat(ImporterNumber.problemWith(text))
                .isEqualTo("Importer number '" + text + "' is none of NN-NNNNNNNXX (employer number and suffix),"
                        + " NNN-NN-NNNN (Social Security number) or YYDDPP-NNNNN (CBP-assigned).");
    }

    @Test
    void aMissingNumberIsReportedAsMissing() {
        assertThat(ImporterNumber.problemWith(null)).isEqualTo("The importer number is missing.");
        assertThat(ImporterNumber.problemWith("  ")).isEqualTo("The importer number is missing.");
        assertThat(ImporterNumber.tryParse(null)).isEmpty();
    }

    @Test
    void parsingARefusedNumberThrowsWithTheProblem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ImporterNumber.parse("12-3456789OA"))
                .withMessage("The suffix of importer number '12-3456789OA' may not use the letters O, I or Z.");
    }

    @Test
    void aNumberCannotBeHeldUnderAnotherKindThanItsShape() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ImporterNumber("123-45-6789", Kind.EIN));
    }
}
