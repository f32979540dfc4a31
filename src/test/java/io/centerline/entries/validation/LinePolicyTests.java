package io.centerline.entries.validation;

import static io.centerline.entries.validation.SubmittedSummaries.aLaptopLine;
import static io.centerline.entries.validation.SubmittedSummaries.aValidLaptopEntry;
import static io.centerline.entries.validation.SubmittedSummaries.anEntryWithLines;
import static io.centerline.entries.validation.Validations.accepted;
import static io.centerline.entries.validation.Validations.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.centerline.entries.EntryLine;
import io.centerline.entries.IntakeError;
import io.centerline.entries.Warning;
import io.centerline.entries.validation.Validation.Valid;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinePolicyTests {

    @Test
    void everyMissingLineFieldIsReportedAsRequiredOnThatLine() {
        List<IntakeError> errors =
                errorsOf(anEntryWithLines(aLaptopLine(), aLaptopLine().withNothingRequired()));

        assertThat(errors)
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(
                        tuple(2, "lineNumber", "REQUIRED"),
                        tuple(2, "htsNumber", "REQUIRED"),
                        tuple(2, "countryOfOrigin", "REQUIRED"),
                        tuple(2, "countryOfExport", "REQUIRED"),
                        tuple(2, "manufacturerId", "REQUIRED"),
                        tuple(2, "enteredValue", "REQUIRED"),
                        tuple(2, "quantity", "REQUIRED"),
                        tuple(2, "unit", "REQUIRED"),
                        tuple(2, "dutyAmount", "REQUIRED"));
        assertThat(errors.get(1).message()).isEqualTo("Line 2 has no htsNumber.");
    }

    @Test
    void aRequiredFieldMissingOnALineIsReportedUnderItsDeclaredNumber() {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine().withLineNumber("7").withUnit(null))))
                .containsExactly(IntakeError.line(7, "unit", "REQUIRED", "Line 7 has no unit."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1000", "A", "-1", "1.5"})
    void aLineNumberThatIsNoWholeNumberFrom1To999IsRefusedByItsPosition(String lineNumber) {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine(), aLaptopLine().withLineNumber(lineNumber))))
                .containsExactly(IntakeError.line(
                        2,
                        "lineNumber",
                        "LINE_NUMBER_FORMAT",
                        "Line number '" + lineNumber + "' (line item 2) is not a whole number from 1 to 999."));
    }

    @Test
    void aLineNumberUsedTwiceIsRefusedOnce() {
        assertThat(errorsOf(anEntryWithLines(
                        aLaptopLine().withLineNumber("3"),
                        aLaptopLine().withLineNumber("1"),
                        aLaptopLine().withLineNumber("03"))))
                .containsExactly(IntakeError.line(
                        3, "lineNumber", "LINE_NUMBER_DUPLICATE", "Line number 3 is used more than once."));
    }

    @Test
    void lineNumbers1And999AreAccepted() {
        assertThat(accepted(anEntryWithLines(aLaptopLine().withLineNumber("999"), aLaptopLine()))
                        .summary()
                        .lines())
                .extracting(line -> line.lineNumber())
                .containsExactly(1, 999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"84713001", "847130010000", "8471.30.01", "8471X00100", "9903.88.03"})
    void anHtsNumberWithoutTenDigitsIsRefused(String hts) {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withHtsNumber(hts))))
                .containsExactly(IntakeError.line(
                        1, "htsNumber", "HTS_FORMAT", "HTS number '" + hts + "' on line 1 must have 10 digits."));
    }

    @Test
    void anHtsNumberWithThePrintedDotsIsAccepted() {
        assertThat(accepted(aValidLaptopEntry().withLine(l -> l.withHtsNumber("8471.30.0100")))
                        .summary()
                        .lines()
                        .get(0)
                        .htsNumber()
                        .value())
                .isEqualTo("8471300100");
    }

    @ParameterizedTest
    @CsvSource({"9903880300, 99", "9802000040, 98"})
    void aSpecialProvisionOfChapter98Or99IsRefusedAsThePrimaryNumber(String hts, int chapter) {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withHtsNumber(hts))))
                .containsExactly(IntakeError.line(
                        1,
                        "htsNumber",
                        "HTS_CHAPTER",
                        "HTS number " + hts + " on line 1 is in chapter " + chapter
                                + ", which is reported only as an additional number beside a classification in"
                                + " chapters 01 to 97."));
    }

    @Test
    void anHtsNumberInChapter00IsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withHtsNumber("0012345678"))))
                .containsExactly(IntakeError.line(
                        1,
                        "htsNumber",
                        "HTS_CHAPTER",
                        "HTS number 0012345678 on line 1 is in chapter 00, which does not exist."));
    }

    @Test
    void anHtsNumberInTheReservedChapter77IsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withHtsNumber("7701000000"))))
                .containsExactly(IntakeError.line(
                        1,
                        "htsNumber",
                        "HTS_CHAPTER",
                        "HTS number 7701000000 on line 1 is in chapter 77, which the tariff schedule reserves for"
                                + " future use: no goods are classified in it."));
    }

    @Test
    void anAdditionalHtsNumberOutsideChapters98And99IsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withAdditionalHtsNumbers("9903880300", "8471300100"))))
                .containsExactly(IntakeError.line(
                        1,
                        "additionalHtsNumbers",
                        "ADDITIONAL_HTS_CHAPTER",
                        "Additional HTS number 8471300100 on line 1 must be in chapter 98 or 99."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"84713001", "990388", "9903.88.031", "99O38803"})
    void anAdditionalHtsNumberOfNeither10DigitsNor8InChapters98And99IsRefused(String number) {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withAdditionalHtsNumbers(number))))
                .containsExactly(IntakeError.line(
                        1,
                        "additionalHtsNumbers",
                        "HTS_FORMAT",
                        "Additional HTS number '" + number
                                + "' on line 1 must have 10 digits, or 8 for a provision of chapter 98 or 99."));
    }

    @Test
    void aChapter98Or99ProvisionInThe8DigitsItIsPublishedWithIsAcceptedAndKeptWithoutAStatisticalSuffix() {
        assertThat(accepted(aValidLaptopEntry()
                                .withLine(l -> l.withAdditionalHtsNumbers("9903.88.03", "99038815", "9817.00.40")))
                        .summary()
                        .lines()
                        .get(0)
                        .additionalHtsNumbers())
                .extracting(hts -> hts.value())
                .containsExactly("99038803", "99038815", "98170040");
    }

    @Test
    void chapter99AdditionalNumbersAreKeptOnTheLine() {
        assertThat(accepted(aValidLaptopEntry().withLine(l -> l.withAdditionalHtsNumbers("9903.88.0300")))
                        .summary()
                        .lines()
                        .get(0)
                        .additionalHtsNumbers())
                .extracting(hts -> hts.value())
                .containsExactly("9903880300");
    }

    @Test
    void unknownCountriesOfOriginAndExportAreRefused() {
        assertThat(errorsOf(aValidLaptopEntry()
                        .withLine(l -> l.withCountryOfOrigin("XX").withCountryOfExport("ZZ"))))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(
                        tuple(1, "countryOfOrigin", "COUNTRY_UNKNOWN"), tuple(1, "countryOfExport", "COUNTRY_UNKNOWN"));
    }

    @Test
    void countriesAndManufacturerIdsInSmallLettersAreReadInCapitals() {
        EntryLine line = accepted(aValidLaptopEntry()
                        .withLine(l -> l.withCountryOfOrigin("vn")
                                .withCountryOfExport(" vn ")
                                .withManufacturerId("vnSamele12han")))
                .summary()
                .lines()
                .get(0);

        assertThat(line.countryOfOrigin()).isEqualTo("VN");
        assertThat(line.countryOfExport()).isEqualTo("VN");
        assertThat(line.manufacturerId()).isEqualTo("VNSAMELE12HAN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VN", "VNSAMELE12345HAN", "VNSAMELE12HA", "VN SAMELE12HAN", "VNS12HAN"})
    void aManufacturerIdOutsideTheAppendixStructureIsRefused(String mid) {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withManufacturerId(mid))))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(1, "manufacturerId", "MANUFACTURER_ID_FORMAT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VNSA12HAN", "VNSAMELE1234HAN", "VNSAMELEHAN"})
    void aManufacturerIdOfTwoToSixNameLettersUpToFourDigitsAndThreeCityLettersIsAccepted(String mid) {
        assertThat(accepted(aValidLaptopEntry().withLine(l -> l.withManufacturerId(mid)))
                        .warnings())
                .isEmpty();
    }

    @Test
    void aManufacturerIdBeginningWithCaIsRefusedInFavourOfTheProvinceCode() {
        assertThat(errorsOf(aValidLaptopEntry()
                        .withLine(l -> l.withCountryOfOrigin("CA").withManufacturerId("CAMAPLEA99TOR"))))
                .containsExactly(IntakeError.line(
                        1,
                        "manufacturerId",
                        "MANUFACTURER_ID_COUNTRY",
                        "Manufacturer ID 'CAMAPLEA99TOR' on line 1 begins with 'CA', which is no ISO country code"
                                + " usable in an ID: Canadian makers use a province code (XO Ontario, XQ Quebec,"
                                + " ...)."));
    }

    @Test
    void aManufacturerIdBeginningWithNoKnownCountryIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withManufacturerId("QQSAMELE12HAN"))))
                .containsExactly(IntakeError.line(
                        1,
                        "manufacturerId",
                        "MANUFACTURER_ID_COUNTRY",
                        "Manufacturer ID 'QQSAMELE12HAN' on line 1 begins with 'QQ', which is no ISO country code."));
    }

    @Test
    void aCanadianProvinceCodeIsAcceptedForOriginCanadaWithoutWarning() {
        Valid valid = accepted(aValidLaptopEntry()
                .withLine(l ->
                        l.withCountryOfOrigin("CA").withCountryOfExport("CA").withManufacturerId("XOMAPLEA99TOR")));

        assertThat(valid.warnings()).isEmpty();
        assertThat(valid.summary().lines().get(0).manufacturerId()).isEqualTo("XOMAPLEA99TOR");
    }

    @Test
    void aManufacturerIdOfAnotherCountryThanTheOriginIsAcceptedWithAWarning() {
        Valid valid = accepted(aValidLaptopEntry().withLine(l -> l.withManufacturerId("CNJINGLO128SHE")));

        assertThat(valid.warnings())
                .containsExactly(new Warning(
                        1,
                        "MANUFACTURER_ID_ORIGIN",
                        "Manufacturer ID CNJINGLO128SHE on line 1 is of CN while the country of origin is VN."));
    }

    @Test
    void aCanadianProvinceCodeOnGoodsOfAnotherOriginIsAcceptedWithAWarning() {
        Valid valid = accepted(
                aValidLaptopEntry().withLine(l -> l.withCountryOfOrigin("US").withManufacturerId("XOMAPLEA99TOR")));

        assertThat(valid.warnings())
                .extracting(Warning::line, Warning::code)
                .containsExactly(tuple(1, "MANUFACTURER_ID_ORIGIN"));
        assertThat(valid.warnings().get(0).message()).contains("is of XO while the country of origin is US");
    }

    @ParameterizedTest
    @CsvSource({
        "'125,000.00', 'The enteredValue ''125,000.00'' is not a decimal amount (line 1).'",
        "'125000.005', 'The enteredValue 125000.005 has more than two decimals (line 1).'",
        "'USD 125000', 'The enteredValue ''USD 125000'' is not a decimal amount (line 1).'",
        "'.50', 'The enteredValue ''.50'' is not a decimal amount (line 1).'",
    })
    void anEnteredValueThatIsNoAmountToTheCentIsRefused(String value, String message) {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine().withEnteredValue(value))))
                .containsExactly(IntakeError.line(1, "enteredValue", "AMOUNT_FORMAT", message));
    }

    @Test
    void aQuantityWithMoreThanFourDecimalsOrAWeightWithMoreThanTwoIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry()
                        .withLine(l -> l.withQuantity("1.23456").withGrossWeightKg("10.125"))))
                .containsExactly(
                        IntakeError.line(
                                1,
                                "quantity",
                                "AMOUNT_FORMAT",
                                "The quantity 1.23456 has more than 4 decimals (line 1)."),
                        IntakeError.line(
                                1,
                                "grossWeightKg",
                                "AMOUNT_FORMAT",
                                "The grossWeightKg 10.125 has more than 2 decimals (line 1)."));
    }

    @Test
    void aQuantityOfFourDecimalsAndAWeightOfTwoAreAccepted() {
        var line = accepted(aValidLaptopEntry()
                        .withLine(l -> l.withQuantity("1.2345").withGrossWeightKg("10.25")))
                .summary()
                .lines()
                .get(0);

        assertThat(line.quantity()).isEqualByComparingTo("1.2345");
        assertThat(line.grossWeightKg()).isEqualByComparingTo("10.25");
    }

    @Test
    void aDescriptionIsMeasuredInCharactersAsAReaderCountsThemNotInUtf16Units() {
        String emoji = "\uD83D\uDCE6";

        assertThat(accepted(aValidLaptopEntry().withLine(l -> l.withDescription(emoji.repeat(500)))))
                .isNotNull();
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withDescription(emoji.repeat(501)))))
                .extracting(IntakeError::message)
                .containsExactly("The description on line 1 is 501 characters long; a line's description may take at"
                        + " most 500.");
    }

    @Test
    void aDescriptionOfMoreThanFiveHundredCharactersIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withDescription("x".repeat(501)))))
                .containsExactly(IntakeError.line(
                        1,
                        "description",
                        "DESCRIPTION_TOO_LONG",
                        "The description on line 1 is 501 characters long; a line's description may take at most"
                                + " 500."));
        assertThat(accepted(aValidLaptopEntry().withLine(l -> l.withDescription("x".repeat(500))))
                        .summary()
                        .lines()
                        .get(0)
                        .description())
                .hasSize(500);
    }

    @Test
    void trailingZerosDoNotCountAsDecimalsOfAnAmount() {
        var line = accepted(aValidLaptopEntry().withLine(l -> l.withEnteredValue("125000.000")))
                .summary()
                .lines()
                .get(0);

        assertThat(line.enteredValue()).hasToString("125000.00");
    }

    @Test
    void trailingZerosDoNotCountAsDecimalsOfAQuantity() {
        assertThat(accepted(aValidLaptopEntry()
                                .withLine(l -> l.withQuantity("500.000000").withGrossWeightKg("1200.000")))
                        .summary()
                        .lines()
                        .get(0)
                        .quantity())
                .isEqualByComparingTo("500");
    }

    @Test
    void negativeAmountsAndQuantitiesAreRefused() {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine()
                        .withEnteredValue("-1.00")
                        .withQuantity("-5")
                        .withDutyAmount("-0.01"))))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code, IntakeError::message)
                .containsExactly(
                        tuple(1, "enteredValue", "VALUE_NEGATIVE", "The enteredValue -1.00 is negative (line 1)."),
                        tuple(1, "dutyAmount", "VALUE_NEGATIVE", "The dutyAmount -0.01 is negative (line 1)."),
                        tuple(1, "quantity", "VALUE_NEGATIVE", "The quantity -5 is negative (line 1)."));
    }

    @Test
    void anAmountOfAHundredTrillionDollarsOrMoreIsRefused() {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine().withEnteredValue("100000000000000"))))
                .containsExactly(IntakeError.line(
                        1,
                        "enteredValue",
                        "AMOUNT_TOO_LARGE",
                        "The enteredValue 100000000000000 is beyond any real amount (line 1)."));
    }

    @Test
    void anAmountOfThreeHundredDigitsIsRefusedAsTooLargeAndQuotedByItsFirstFortyCharacters() {
        String huge = "1" + "0".repeat(300);

        assertThat(errorsOf(
                        anEntryWithLines(aLaptopLine().withEnteredValue(huge).withQuantity(huge))))
                .containsExactly(
                        IntakeError.line(
                                1,
                                "enteredValue",
                                "AMOUNT_TOO_LARGE",
                                "The enteredValue 1" + "0".repeat(39) + "\u2026 is beyond any real"
                                        + " amount (line 1)."),
                        IntakeError.line(
                                1,
                                "quantity",
                                "AMOUNT_TOO_LARGE",
                                "The quantity 1" + "0".repeat(39) + "\u2026 is beyond any real"
                                        + " quantity (line 1)."));
    }

    @Test
    void amountsOfTheLinesThatAddUpToAHundredTrillionDollarsAreRefusedOnTheTotalTheSummaryWouldStore() {
        assertThat(errorsOf(anEntryWithLines(
                        aLaptopLine().withEnteredValue("60000000000000.00").withFees("499", "60000000000000.00"),
                        aLaptopLine()
                                .withLineNumber("2")
                                .withEnteredValue("40000000000000.00")
                                .withFees("499", "50000000000000.00"))))
                .containsExactly(
                        IntakeError.header(
                                "totalEnteredValue",
                                "AMOUNT_TOO_LARGE",
                                "The entered values of the lines add up to 100000000000000.00, beyond any real entry"
                                        + " summary."),
                        IntakeError.header(
                                "totalFees",
                                "AMOUNT_TOO_LARGE",
                                "The fees of the lines add up to 110000000000000.00, beyond any real entry summary."));
    }

    @Test
    void aGrossWeightOfATrillionKilogramsOrMoreIsRefused() {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine().withGrossWeightKg("1000000000000"))))
                .containsExactly(IntakeError.line(
                        1,
                        "grossWeightKg",
                        "AMOUNT_TOO_LARGE",
                        "The grossWeightKg 1000000000000 is beyond any real weight (line 1)."));
        assertThat(accepted(anEntryWithLines(aLaptopLine().withGrossWeightKg("999999999999.99"))))
                .isNotNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "portable\u0000laptops|a control character (U+0000) at position 9; entry summary fields take"
                        + " printable text, tabs and line breaks only",
                "portable\u0007laptops|a control character (U+0007) at position 9; entry summary fields take"
                        + " printable text, tabs and line breaks only",
                "laptops\u0085|a control character (U+0085) at position 8; entry summary fields take printable text,"
                        + " tabs and line breaks only",
                "laptops \ud800|half of a UTF-16 surrogate pair (U+D800) at position 9, which is no character; check"
                        + " the sender's encoding",
                "\udc00laptops|half of a UTF-16 surrogate pair (U+DC00) at position 1, which is no character; check"
                        + " the sender's encoding",
                "Caf\ufffd au lait|the replacement character U+FFFD at position 4, which stands for bytes that are not"
                        + " UTF-8; send the file in UTF-8"
            })
    void aFieldHoldingACharacterThatIsNotPrintableIsRefusedWithThePlaceOfTheCharacter(
            String description, String problem) {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine().withDescription(description))))
                .containsExactly(IntakeError.line(
                        1, "description", "UNPRINTABLE_CHARACTER", "The description on line 1 holds " + problem + "."));
    }

    @Test
    void printableTextOfEveryScriptCharactersBeyondTheBasicPlaneTabsAndLineBreaksAreAccepted() {
        assertThat(accepted(anEntryWithLines(
                        aLaptopLine().withDescription("ordinateurs portables,\t笔记本电脑\r\n\uD83D\uDCBB"))))
                .isNotNull();
    }

    @Test
    void aControlCharacterInAHeaderFieldIsRefusedOnThatField() {
        assertThat(errorsOf(aValidLaptopEntry().withBondType("8\u0000")))
                .extracting(IntakeError::field, IntakeError::code)
                .contains(tuple("bondType", "UNPRINTABLE_CHARACTER"));
    }

    @Test
    void anAmountJustBelowAHundredTrillionDollarsIsAccepted() {
        assertThat(accepted(anEntryWithLines(aLaptopLine().withEnteredValue("99999999999999.99")))
                        .summary()
                        .totalEnteredValue()
                        .toString())
                .isEqualTo("99999999999999.99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KILO", "K G", "N-O", "NO."})
    void aUnitThatIsNoCodeOfOneToThreeLettersOrDigitsIsRefused(String unit) {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withUnit(unit))))
                .containsExactly(IntakeError.line(
                        1,
                        "unit",
                        "UNIT_FORMAT",
                        "Unit '" + unit + "' on line 1 must be a unit of quantity code of 1 to 3 letters or digits"
                                + " (NO, KG, DOZ)."));
    }

    @Test
    void aUnitIsHeldInCapitals() {
        assertThat(accepted(aValidLaptopEntry().withLine(l -> l.withUnit("doz")))
                        .summary()
                        .lines()
                        .get(0)
                        .unit())
                .isEqualTo("DOZ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"49", "4990", "MPF"})
    void aFeeClassCodeOtherThanThreeDigitsIsRefused(String classCode) {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withFees(classCode, "433.00"))))
                .containsExactly(IntakeError.line(
                        1,
                        "fees",
                        "FEE_CLASS_FORMAT",
                        "Fee class code '" + classCode + "' on line 1 must have 3 digits (499 MPF, 501 HMF)."));
    }

    @Test
    void aFeeWithoutAmountIsRefused() {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine().withFees("499", " "))))
                .containsExactly(IntakeError.line(1, "fees", "REQUIRED", "A fee on line 1 has no amount."));
    }

    @Test
    void aNegativeFeeIsRefused() {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine().withFees("499", "-433.00"))))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(1, "fees", "VALUE_NEGATIVE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "0", "related"})
    void aRelatedPartyFlagOtherThanTrueFalseYOrNIsRefused(String flag) {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withRelatedParty(flag))))
                .containsExactly(IntakeError.line(
                        1,
                        "relatedParty",
                        "BOOLEAN_FORMAT",
                        "relatedParty '" + flag + "' on line 1 must be true or false (or Y or N)."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aLineWithoutItsRelatedPartyFlagIsRefusedNeverTakenAsUnrelated(String blank) {
        assertThat(errorsOf(anEntryWithLines(
                        aLaptopLine().withRelatedParty(blank),
                        aLaptopLine().withLineNumber("2").withRelatedParty(null))))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(1, "relatedParty", "REQUIRED"), tuple(2, "relatedParty", "REQUIRED"));
    }

    @Test
    void aMissingRelatedPartyFlagIsReportedAsMissingNotAsMalformed() {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withRelatedParty(null))))
                .containsExactly(IntakeError.line(
                        1,
                        "relatedParty",
                        "REQUIRED",
                        "Line 1 has no relatedParty: say whether buyer and seller are related (true or false; Y or N"
                                + " in position 56 of a CATAIR AE 40 record), as the relationship of every line of CBP"
                                + " Form 7501 does; a flag left out is never taken as no."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aLineWithoutADescriptionIsRefused(String blank) {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withDescription(blank))))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(1, "description", "REQUIRED"));
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withDescription(null))))
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(1, "description", "REQUIRED"));
    }

    @Test
    void aRelatedPartyFlagOfYIsTrue() {
        assertThat(accepted(aValidLaptopEntry().withLine(l -> l.withRelatedParty("Y")))
                        .summary()
                        .lines()
                        .get(0)
                        .relatedParty())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-570-96-000", "B-570-967-000", "A5709670001", "570-967-000"})
    void anAdcvdCaseNumberThatIsNoAOrCWithNineDigitsIsRefused(String caseNumber) {
        assertThat(errorsOf(aValidLaptopEntry().withEntryType("03").withLine(l -> l.withAdcvdCaseNumber(caseNumber))))
                .containsExactly(IntakeError.line(
                        1,
                        "adcvdCaseNumber",
                        "ADCVD_CASE_FORMAT",
                        "AD/CVD case number '" + caseNumber + "' on line 1 must be A or C followed by 9 digits (e.g."
                                + " A-570-967-000)."));
    }

    @Test
    void anAdcvdEntryOfWhichNoLineDeclaresACaseIsRefusedOnEveryLine() {
        assertThat(errorsOf(anEntryWithLines(aLaptopLine(), aLaptopLine().withLineNumber("2"))
                        .withEntryType("03")))
                .containsExactly(
                        IntakeError.line(
                                1,
                                "adcvdCaseNumber",
                                "ADCVD_CASE_REQUIRED",
                                "Line 1 of a type 03 (AD/CVD) entry needs its AD/CVD case number: an AD/CVD entry"
                                        + " declares the case of the goods an order holds, and no line of this one"
                                        + " declares one."),
                        IntakeError.line(
                                2,
                                "adcvdCaseNumber",
                                "ADCVD_CASE_REQUIRED",
                                "Line 2 of a type 03 (AD/CVD) entry needs its AD/CVD case number: an AD/CVD entry"
                                        + " declares the case of the goods an order holds, and no line of this one"
                                        + " declares one."));
    }

    @Test
    void aLineOfAnAdcvdEntryWhoseGoodsAnOrderInForceHoldsIsRefusedWithoutItsCase() {
        assertThat(errorsOf(anEntryWithLines(
                                aLaptopLine()
                                        .withHtsNumber("7604.29.1000")
                                        .withCountryOfOrigin("CN")
                                        .withAdcvdCaseNumber("A-570-967-000"),
                                aLaptopLine()
                                        .withLineNumber("2")
                                        .withHtsNumber("7610.90.0080")
                                        .withCountryOfOrigin("CN"))
                        .withEntryType("03")))
                .containsExactly(IntakeError.line(
                        2,
                        "adcvdCaseNumber",
                        "ADCVD_CASE_REQUIRED",
                        "Line 2 of a type 03 (AD/CVD) entry needs its AD/CVD case number: its goods, HTS 7610900080"
                                + " from CN, are within the scope of A-570-967 (aluminum extrusions from CN)."));
    }

    @Test
    void aLineOfAnAdcvdEntryWhoseGoodsNoOrderHoldsNeedsNoCase() {
        Valid mixed = accepted(anEntryWithLines(
                        aLaptopLine()
                                .withHtsNumber("7604.29.1000")
                                .withCountryOfOrigin("CN")
                                .withAdcvdCaseNumber("A-570-967-000"),
                        aLaptopLine().withLineNumber("2"),
                        aLaptopLine().withLineNumber("3").withHtsNumber("7604.29.1000"))
                .withEntryType("03"));

        assertThat(mixed.summary().lines())
                .extracting(line -> line.adcvdCaseNumber())
                .containsExactly("A570967000", null, null);
    }

    @Test
    void aLineOfAnAdcvdEntryWithItsCaseAndDepositIsAcceptedWithTheCaseHeldWithoutDashes() {
        Valid valid = accepted(aValidLaptopEntry()
                .withEntryType("03")
                .withLine(l -> l.withAdcvdCaseNumber("c-570-968-001").withAdcvdDeposit("2500.00")));

        assertThat(valid.summary().lines().get(0).adcvdCaseNumber()).isEqualTo("C570968001");
        assertThat(valid.summary().totalAdcvdDeposit().toString()).isEqualTo("2500.00");
    }

    @Test
    void aCaseWhoseOrderOnFileDoesNotHoldTheLinesGoodsIsAcceptedWithAWarning() {
        Valid outside = accepted(aValidLaptopEntry()
                .withEntryType("03")
                .withLine(l -> l.withAdcvdCaseNumber("A-570-967-000").withCountryOfOrigin("CN")));
        Valid inside = accepted(aValidLaptopEntry()
                .withEntryType("03")
                .withLine(l -> l.withAdcvdCaseNumber("A-570-967-000")
                        .withHtsNumber("7604.29.1000")
                        .withCountryOfOrigin("CN")));
        Valid notOnFile = accepted(aValidLaptopEntry()
                .withEntryType("03")
                .withLine(l -> l.withAdcvdCaseNumber("C-570-968-001").withCountryOfOrigin("CN")));

        assertThat(outside.warnings())
                .filteredOn(warning -> warning.code().startsWith("ADCVD"))
                .containsExactly(new Warning(
                        1,
                        "ADCVD_CASE_OUTSIDE_SCOPE",
                        "Line 1 declares AD/CVD case A-570-967 (aluminum extrusions from CN, HTS 7604, 7608, 7610), but"
                                + " its goods are HTS 8471300100 from CN: check the case number; goods the order's"
                                + " written scope or a scope ruling holds are entered under it all the same."));
        assertThat(inside.warnings()).extracting(Warning::code).doesNotContain("ADCVD_CASE_OUTSIDE_SCOPE");
        assertThat(notOnFile.warnings()).extracting(Warning::code).doesNotContain("ADCVD_CASE_OUTSIDE_SCOPE");
    }

    @Test
    void aCaseNumberOnAnEntryTypeThatIsNotAdcvdIsRefused() {
        assertThat(errorsOf(
                        aValidLaptopEntry().withEntryType("01").withLine(l -> l.withAdcvdCaseNumber("A-570-967-000"))))
                .containsExactly(IntakeError.line(
                        1,
                        "adcvdCaseNumber",
                        "ADCVD_CASE_ON_OTHER_TYPE",
                        "Line 1 carries AD/CVD case A-570-967-000 but entry type 01 is not an AD/CVD type; file it as"
                                + " type 03 (or 07, 34, 38; 06 for goods entered for consumption from a foreign-trade"
                                + " zone)."));
    }

    @Test
    void aForeignTradeZoneConsumptionLineMayCarryACaseWithoutEveryLineNeedingOne() {
        Valid valid = accepted(anEntryWithLines(
                        aLaptopLine()
                                .withHtsNumber("7604.29.1000")
                                .withCountryOfOrigin("CN")
                                .withAdcvdCaseNumber("A-570-967-000")
                                .withAdcvdDeposit("860.10"),
                        aLaptopLine().withLineNumber("2"))
                .withEntryType("06"));

        assertThat(valid.summary().lines())
                .extracting(EntryLine::adcvdCaseNumber)
                .containsExactly("A570967000", null);
        assertThat(valid.warnings()).extracting(Warning::code).doesNotContain("ADCVD_CASE_OUTSIDE_SCOPE");
    }

    @Test
    void aForeignTradeZoneConsumptionEntryNeedsNoCase() {
        assertThat(accepted(aValidLaptopEntry().withEntryType("06")).summary().lines())
                .extracting(EntryLine::adcvdCaseNumber)
                .containsOnlyNulls();
    }

    @Test
    void aCaseOnAForeignTradeZoneConsumptionLineIsCheckedForItsForm() {
        assertThat(errorsOf(aValidLaptopEntry().withEntryType("06").withLine(l -> l.withAdcvdCaseNumber("A-570-96"))))
                .extracting(IntakeError::code)
                .containsExactly("ADCVD_CASE_FORMAT");
    }

    @Test
    void anAdcvdDepositWithoutCaseIsRefused() {
        assertThat(errorsOf(aValidLaptopEntry().withLine(l -> l.withAdcvdDeposit("100.00"))))
                .containsExactly(IntakeError.line(
                        1,
                        "adcvdDeposit",
                        "ADCVD_DEPOSIT_WITHOUT_CASE",
                        "Line 1 declares an AD/CVD deposit without a case number."));
    }

    @Test
    void anAdcvdEntryOfAnUnknownTypeIsNotCheckedForCases() {
        assertThat(errorsOf(aValidLaptopEntry().withEntryType("07")))
                .extracting(IntakeError::code)
                .containsExactly("ENTRY_TYPE_UNKNOWN");
    }
}
