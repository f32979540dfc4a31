package io.centerline.entries.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written readers of {@link Fields} against the definitions they replace. */
class FieldsPropertyTests {

    @Property(tries = 10_000)
    void aPlainDecimalReadsAsBigDecimalReadsItInValueAndScale(@ForAll("plainDecimals") String text) {
        Optional<BigDecimal> read = Fields.decimal(text);

        assertThat(read).isPresent();
        assertThat(read.get().unscaledValue()).isEqualTo(new BigDecimal(text.trim()).unscaledValue());
        assertThat(read.get().scale()).isEqualTo(new BigDecimal(text.trim()).scale());
    }

    @Property(tries = 10_000)
    void aDateReadsAsTheIsoPatternAndParserReadIt(@ForAll("dateLike") String text) {
        Optional<LocalDate> expected;
        if (!text.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            expected = Optional.empty();
        } else {
            try {
                expected = Optional.of(LocalDate.parse(text.trim()));
            } catch (DateTimeParseException e) {
                expected = Optional.empty();
            }
        }

        assertThat(Fields.date(text)).isEqualTo(expected);
    }

    @Property(tries = 10_000)
    void aLineNumberReadsAsTheDigitPatternAndIntegerParserReadIt(@ForAll("lineNumberLike") String text) {
        int expected = text.trim().matches("[0-9]{1,3}") ? Integer.parseInt(text.trim()) : 0;

        assertThat(Fields.lineNumberOrZero(text)).isEqualTo(expected);
        assertThat(Fields.lineNumber(text)).isEqualTo(expected > 0 ? Optional.of(expected) : Optional.empty());
    }

    @Property(tries = 20_000)
    void aManufacturerIdHasItsStructureExactlyWhenThePatternMatchesIt(@ForAll("manufacturerIdLike") String text) {
        assertThat(Fields.isManufacturerIdStructure(text))
                .isEqualTo(text.matches("[A-Z]{2}[A-Z]{2,6}[0-9]{0,4}[A-Z]{3}"));
    }

    @Property(tries = 5_000)
    void aUnitCodeIsOneExactlyWhenThePatternMatchesIt(@ForAll("unitLike") String text) {
        assertThat(Fields.isUnitCode(text)).isEqualTo(text.matches("[A-Za-z0-9]{1,3}"));
    }

    @Provide
    Arbitrary<String> manufacturerIdLike() {
        Arbitrary<String> capitals =
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(0).ofMaxLength(10);
        Arbitrary<String> digits =
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> shaped =
                Combinators.combine(capitals, digits, capitals).as((a, b, c) -> a + b + c);
        Arbitrary<String> anything =
                Arbitraries.strings().withChars("ABCXYZ0189az -É").ofMaxLength(16);
        return Arbitraries.oneOf(shaped, anything);
    }

    @Provide
    Arbitrary<String> unitLike() {
        return Arbitraries.strings().withChars("AZaz09 -.é").ofMaxLength(5);
    }

    @Provide
    Arbitrary<String> lineNumberLike() {
        Arbitrary<String> digits =
                Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(5);
        Arbitrary<String> anything =
                Arbitraries.strings().withChars("0123456789 -+.x\t\u0660").ofMaxLength(5);
        Arbitrary<String> padded = Combinators.combine(
                        Arbitraries.of("", " ", "\t", "  "), digits, Arbitraries.of("", " ", "\n"))
                .as((before, number, after) -> before + number + after);
        return Arbitraries.oneOf(padded, anything);
    }

    @Provide
    Arbitrary<String> plainDecimals() {
        Arbitrary<String> integer =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18);
        Arbitrary<String> fraction =
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(12).map(f -> f.isEmpty() ? "" : "." + f);
        return Combinators.combine(Arbitraries.of("", "-", " "), integer, fraction)
                .as((sign, whole, part) -> sign + whole + part);
    }

    @Provide
    Arbitrary<String> dateLike() {
        Arbitrary<String> shaped = Combinators.combine(
                        Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> noise = Arbitraries.strings()
                .withChars("0123456789-/ T٣")
                .ofMinLength(8)
                .ofMaxLength(12);
        return Arbitraries.oneOf(shaped, shaped.map(s -> " " + s + " "), noise);
    }
}
